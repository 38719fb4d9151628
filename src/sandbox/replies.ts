// Bodies of write answers: DeploymentCreateResponse and the orphaned
// resources of an update.

import { randomBytes } from 'node:crypto';
import type { Deployment, Resource } from './model.js';
import type { Kind } from './plans.js';

export function orphanedBody(orphans: Resource[]): Record<string, unknown> {
  const ids = (kind: Kind) => orphans.filter((r) => r.kind === kind).map((r) => r.id);
  return {
    elasticsearch: orphans
      .filter((r) => r.kind === 'elasticsearch')
      .map((r) => ({ id: r.id, dependents: [] })),
    kibana: ids('kibana'),
    apm: ids('apm'),
    appsearch: ids('appsearch'),
    enterprise_search: ids('enterprise_search'),
    integrations_server: ids('integrations_server'),
  };
}

/** DeploymentCreateResponse; credentials only on a fresh create, as ECE does. */
export function createResponse(d: Deployment, created: boolean): Record<string, unknown> {
  return {
    id: d.id,
    name: d.name,
    ...(d.alias ? { alias: d.alias } : {}),
    created,
    resources: d.resources.map((r) => ({
      ref_id: r.refId,
      id: r.id,
      kind: r.kind,
      region: r.region,
      ...(r.esRefId ? { elasticsearch_cluster_ref_id: r.esRefId } : {}),
      ...(created && r.kind === 'elasticsearch'
        ? { credentials: { username: 'elastic', password: randomBytes(18).toString('base64url') } }
        : {}),
      ...(created && (r.kind === 'apm' || r.kind === 'integrations_server')
        ? { secret_token: randomBytes(18).toString('base64url') }
        : {}),
    })),
  };
}
