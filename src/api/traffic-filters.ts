// Typed calls for traffic filter rulesets (/deployments/traffic-filter/…)
// and their associations with deployments. Reads are sent; writes are
// returned as planned requests for the command to send or show (--dry-run).
// ECE gives rulesets no version: an update replaces the ruleset as a whole.
// Silent.

import { isIP } from 'node:net';
import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

const BASE = '/deployments/traffic-filter/rulesets';
const one = (id: string) => `${BASE}/${segment(id)}`;

/** The request body ECE takes for a create or an update. */
export interface RulesetRequest {
  name: string;
  type: string;
  region: string;
  include_by_default: boolean;
  description?: string;
  rules: Record<string, unknown>[];
}

/** Every ruleset, with its associations (include_associations=true) unless told otherwise. */
export const listRulesets = (api: ApiClient, opts: { associations?: boolean } = {}) =>
  api.request({ path: BASE, query: { include_associations: opts.associations ?? true } });

export const getRuleset = (api: ApiClient, id: string) =>
  api.request({ path: one(id), query: { include_associations: true } });

/** The rulesets associated with a deployment: `{"rulesets": [id, …]}`. */
export const rulesetsOfDeployment = (api: ApiClient, deploymentId: string) =>
  api.request({
    path: `/deployments/traffic-filter/associations/deployment/${segment(deploymentId)}/rulesets`,
  });

/** POST: ECE picks the id and answers it. */
export const createRuleset = (body: RulesetRequest): RequestOptions => ({
  method: 'POST',
  path: BASE,
  body,
  // A second POST would make a second ruleset.
  idempotent: false,
});

export const updateRuleset = (id: string, body: RulesetRequest): RequestOptions => ({
  method: 'PUT',
  path: one(id),
  body,
});

/** ignore_associations: delete even while deployments use it (they lose its rules). */
export const deleteRuleset = (id: string, ignoreAssociations = false): RequestOptions => ({
  method: 'DELETE',
  path: one(id),
  query: ignoreAssociations ? { ignore_associations: true } : {},
});

/** ECE answers 201 when it made the association, 200 when it already existed. */
export const associate = (id: string, deploymentId: string): RequestOptions => ({
  method: 'POST',
  path: `${one(id)}/associations`,
  body: { entity_type: 'deployment', id: deploymentId },
  // Associating twice leaves one association: safe to send again.
  idempotent: true,
});

export const disassociate = (id: string, deploymentId: string): RequestOptions => ({
  method: 'DELETE',
  path: `${one(id)}/associations/deployment/${segment(deploymentId)}`,
});

/** An IP address or a CIDR block (`10.0.0.0/8`, `2001:db8::/32`): what an "ip" rule allows. */
export function isIpSource(source: string): boolean {
  const [addr = '', bits, ...rest] = source.split('/');
  const family = isIP(addr);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
