// `ece traffic-filters list [--deployment D]`: the rulesets, with their rule
// and association counts; --deployment keeps those associated with it.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { listRulesets, rulesetsOfDeployment } from '../../api/traffic-filters.js';
import type { Context } from '../../context.js';
import { parseLossless, stringifyLossless } from '../../lossless.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { resolveDeployment } from '../deployments/resolve.js';
import { columns, type Ruleset } from './ruleset.js';

interface ListFlags {
  deployment?: string;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List traffic filter rulesets')
    .option('--deployment <deployment>', 'only the rulesets associated with this deployment')
    .addHelpText(
      'after',
      `
Columns: ID NAME TYPE REGION INCLUDE_BY_DEFAULT RULES ASSOCIATIONS (the
number of deployments using the ruleset). With --deployment, --json prints
the list's body with only that deployment's rulesets.

Examples:
  $ ece traffic-filters list
  $ ece traffic-filters list --deployment prod-logs
  $ ece traffic-filters list --query "rulesets[?include_by_default].name"`,
    )
    .action(act(contexts, (ctx, flags: ListFlags) => run(flags, ctx)));
}

export async function run(flags: ListFlags, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  let keep: Set<string> | undefined;
  if (flags.deployment !== undefined) {
    const { id } = await resolveDeployment(api, flags.deployment);
    const ids = parseBody<{ rulesets?: string[] }>(await rulesetsOfDeployment(api, id)).rulesets;
    keep = new Set(ids ?? []);
  }
  const res = await listRulesets(api);
  const view = listView<Ruleset>(
    (d) => (d as { rulesets?: Ruleset[] }).rulesets,
    columns,
    'No traffic filter rulesets.',
  );
  if (keep === undefined) return renderer.body(res, view);
  const body = parseLossless(res.text) as { rulesets?: Ruleset[] };
  const only = keep;
  const rulesets = (body.rulesets ?? []).filter((r) => only.has(r.id));
  await renderer.body(`${stringifyLossless({ ...body, rulesets })}\n`, view);
}
