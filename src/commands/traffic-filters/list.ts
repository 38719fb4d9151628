// `ece traffic-filters list [--deployment D]`: the rulesets, with their rule
// and association counts; --deployment keeps those associated with it.

import { parseBody } from '../../api/body.js';
import { listRulesets, rulesetsOfDeployment } from '../../api/traffic-filters.js';
import { parseLossless, stringifyLossless } from '../../lossless.js';
import { listView } from '../../output/views.js';
import { resolveDeployment } from '../deployments/resolve.js';
import { defineVerb } from '../run/types.js';
import { columns, type Ruleset } from './ruleset.js';

export const verb = defineVerb<{ deployment?: string }>({
  effect: 'read',
  options: [
    {
      flags: '--deployment <deployment>',
      description: 'only the rulesets associated with this deployment',
    },
  ],
  description: `Columns: ID NAME TYPE REGION INCLUDE_BY_DEFAULT RULES ASSOCIATIONS (the
number of deployments using the ruleset). With --deployment, --json prints
the list's body with only that deployment's rulesets.`,
  examples: [
    'ece traffic-filters list',
    'ece traffic-filters list --deployment prod-logs',
    'ece traffic-filters list --query "rulesets[?include_by_default].name"',
  ],
  async plan(input, ctx) {
    const api = await ctx.api();
    let keep: Set<string> | undefined;
    if (input.deployment !== undefined) {
      const { id } = await resolveDeployment(api, input.deployment);
      const ids = parseBody<{ rulesets?: string[] }>(await rulesetsOfDeployment(api, id)).rulesets;
      keep = new Set(ids ?? []);
    }
    const res = await listRulesets(api);
    const view = listView<Ruleset>(
      (d) => (d as { rulesets?: Ruleset[] }).rulesets,
      columns,
      'No traffic filter rulesets.',
    );
    if (keep === undefined) return { output: { body: res, view } };
    const body = parseLossless(res.text) as { rulesets?: Ruleset[] };
    const only = keep;
    const rulesets = (body.rulesets ?? []).filter((r) => only.has(r.id));
    return { output: { body: `${stringifyLossless({ ...body, rulesets })}\n`, view } };
  },
});
