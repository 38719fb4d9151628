// `ece traffic-filters disassociate <ruleset> <deployment>`: the ruleset's
// rules stop applying to the deployment. Not associated is exit 3.

import type { Command } from 'commander';
import { disassociate } from '../../api/traffic-filters.js';
import type { Context } from '../../context.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { resolveDeployment } from '../deployments/resolve.js';
import { showDryRun } from '../write.js';
import { resolveRuleset } from './ruleset.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('disassociate')
    .description('Stop applying a traffic filter ruleset to a deployment')
    .argument('<ruleset>', 'ruleset id or exact name')
    .argument('<deployment>', 'deployment id or exact name')
    .addHelpText(
      'after',
      `
If it was the deployment's last ruleset, the deployment accepts traffic from
anywhere again.

Examples:
  $ ece traffic-filters disassociate office-network prod-logs`,
    )
    .action(act(contexts, (ctx, ruleset: string, dep: string) => run(ruleset, dep, ctx)));
}

export async function run(rulesetRef: string, deploymentRef: string, ctx: Context): Promise<void> {
  const api = await ctx.api();
  const ruleset = await resolveRuleset(api, rulesetRef);
  const deployment = await resolveDeployment(api, deploymentRef);
  const write = disassociate(ruleset.id, deployment.id);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(
    `Removed traffic filter ruleset ${ruleset.name ?? ruleset.id} from deployment ${deployment.name ?? deployment.id}.\n`,
  );
}
