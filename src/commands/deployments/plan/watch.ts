// `ece deployments plan watch`: re-attaches to the plans that run now, with
// the progress and exit codes of --wait (0, 7 failed, 8 deadline, 130 Ctrl-C).
// The pending attempts found by one read are "ours", as if this run had
// started them; with none pending it says so and exits 0.

import type { Command } from 'commander';
import { parseBody } from '../../../api/body.js';
import { getDeployment } from '../../../api/deployments.js';
import { pendingTargets } from '../../../api/plan-history.js';
import type { Context } from '../../../context.js';
import { act, type Contexts } from '../../action.js';
import { resolveDeployment } from '../resolve.js';
import { DEFAULT_WAIT_TIMEOUT, follow, waitTimeoutMs } from '../wait.js';
import { deploymentFor, type FilterFlags, filterOf, KIND_HELP } from './common.js';

interface WatchFlags extends FilterFlags {
  waitTimeout?: string;
}

export function register(plan: Command, contexts: Contexts): void {
  plan
    .command('watch')
    .description('Follow the plans that run now on a deployment to their end, as --wait does')
    .argument('<deployment>', 'deployment id or exact name')
    .option('--kind <kind>', `only this kind (${KIND_HELP})`)
    .option('--ref-id <ref-id>', 'only the resource with this ref_id')
    .option(
      '--wait-timeout <duration>',
      'give up watching after this long (exit 8)',
      DEFAULT_WAIT_TIMEOUT,
    )
    .addHelpText(
      'after',
      `
Progress on stderr as with --wait. Exit 0 when every plan succeeded (or none
runs: then it says so), 7 when one failed, 8 at --wait-timeout, 130 on Ctrl-C
(the plans go on in ECE).

Examples:
  $ ece deployments plan watch prod-logs
  $ ece deployments plan watch prod-logs --kind kibana --wait-timeout 10m`,
    )
    .action(act(contexts, (ctx, ref: string, flags: WatchFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: WatchFlags, ctx: Context): Promise<void> {
  const filter = filterOf(flags);
  const timeoutMs = waitTimeoutMs({ ...flags, wait: true });
  const api = await ctx.api();
  const { id } = await resolveDeployment(api, ref);
  const d = deploymentFor(
    parseBody<unknown>(await getDeployment(api, id, { plans: true, history: true })),
    filter,
  );
  const targets = pendingTargets(d, filter);
  if (targets.length === 0) {
    const which = [filter.kind, filter.refId].filter(Boolean).join(' ');
    ctx.io.stderr.write(
      `No plan is running on ${which ? `${which} of ` : ''}deployment ${d.name} (${id}); see \`ece deployments plan history ${id}\`.\n`,
    );
    return;
  }
  await follow(ctx, api, id, targets, timeoutMs);
}
