// Rulesets as ECE answers them, the columns of `ece traffic-filters list`,
// and a ruleset named by id or exact name.

import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { listRulesets, type RulesetRequest } from '../../api/traffic-filters.js';
import type { Column } from '../../output/views.js';
import { byIdOrName, ID } from '../run/resolve.js';

export interface Rule {
  id?: string;
  source?: string;
  description?: string;
  azure_endpoint_name?: string;
  egress_rule?: { target?: string };
}

export interface Ruleset {
  id: string;
  name: string;
  description?: string;
  type: string;
  region: string;
  include_by_default: boolean;
  rules: Rule[];
  associations?: { entity_type: string; id: string }[];
  total_associations?: number;
}

/** What a rule lets in: its source (IP, CIDR, endpoint id) or what stands for it. */
export const ruleSource = (r: Rule): string | undefined =>
  r.source ?? r.azure_endpoint_name ?? r.egress_rule?.target;

const associationCount = (r: Ruleset) => r.total_associations ?? r.associations?.length;

export const columns: Column<Ruleset>[] = [
  ['ID', (r) => r.id],
  ['NAME', (r) => r.name],
  ['TYPE', (r) => r.type],
  ['REGION', (r) => r.region],
  ['INCLUDE_BY_DEFAULT', (r) => r.include_by_default],
  ['RULES', (r) => r.rules?.length ?? 0],
  ['ASSOCIATIONS', associationCount],
];

/** The body an update sends back: the ruleset without what ECE adds to it. */
export function requestOf(r: Ruleset): RulesetRequest {
  return {
    name: r.name,
    type: r.type,
    region: r.region,
    include_by_default: r.include_by_default,
    ...(r.description === undefined ? {} : { description: r.description }),
    rules: r.rules as Record<string, unknown>[],
  };
}

/**
 * A ruleset given by its id or its exact name (the one rule, `byIdOrName`):
 * an id-shaped reference is used as it is; anything else costs one list.
 */
export async function resolveRuleset(
  api: ApiClient,
  ref: string,
): Promise<{ id: string; name?: string }> {
  const { id, name } = await byIdOrName<Ruleset>(
    {
      noun: 'traffic filter ruleset',
      idPattern: ID,
      candidates: async () =>
        parseBody<{ rulesets?: Ruleset[] }>(await listRulesets(api, { associations: false }))
          .rulesets ?? [],
      id: (r) => r.id,
      names: (r) => [r.name],
    },
    ref,
  );
  return name === undefined ? { id } : { id, name };
}
