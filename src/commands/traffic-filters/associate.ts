// `ece traffic-filters associate <ruleset> <deployment>`: the ruleset's
// rules start to apply to the deployment. Associating twice is harmless:
// ECE answers 200 instead of 201, and the command says so.

import type { Command } from 'commander';
import { associate } from '../../api/traffic-filters.js';
import type { Context } from '../../context.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { resolveDeployment } from '../deployments/resolve.js';
import { showDryRun } from '../write.js';
import { resolveRuleset } from './ruleset.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('associate')
    .description('Apply a traffic filter ruleset to a deployment')
    .argument('<ruleset>', 'ruleset id or exact name')
    .argument('<deployment>', 'deployment id or exact name')
    .addHelpText(
      'after',
      `
The ruleset and the deployment must be in the same region.

Examples:
  $ ece traffic-filters associate office-network prod-logs
  $ ece traffic-filters associate office-network prod-logs --dry-run`,
    )
    .action(act(contexts, (ctx, ruleset: string, dep: string) => run(ruleset, dep, ctx)));
}

export async function run(rulesetRef: string, deploymentRef: string, ctx: Context): Promise<void> {
  const api = await ctx.api();
  const ruleset = await resolveRuleset(api, rulesetRef);
  const deployment = await resolveDeployment(api, deploymentRef);
  const write = associate(ruleset.id, deployment.id);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  const r = ruleset.name ?? ruleset.id;
  const d = deployment.name ?? deployment.id;
  ctx.io.stderr.write(
    res.status === 201
      ? `Associated traffic filter ruleset ${r} with deployment ${d}.\n`
      : `Deployment ${d} already uses traffic filter ruleset ${r}.\n`,
  );
}
