// `ece deployments shutdown`: stop all of a deployment's resources. Asks
// first (showing the name); --yes skips that; --dry-run shows the write.

import type { Command } from 'commander';
import { shutdownRequest } from '../../api/deployments.js';
import { snapshot, targetsFor } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { report, target } from './target.js';
import { addWaitOptions, follow, type WaitFlags, waitTimeoutMs } from './wait.js';

export interface ShutdownFlags extends WaitFlags {
  skipSnapshot?: boolean;
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  const cmd = group
    .command('shutdown')
    .description('Shut a deployment down: stop all its resources (asks first)')
    .argument('<deployment>', 'deployment id or exact name')
    .option('--skip-snapshot', 'do not take a snapshot first')
    .option('-y, --yes', 'do not ask for confirmation');
  addWaitOptions(cmd)
    .addHelpText('after', '\nExamples:\n  $ ece deployments shutdown staging-search --yes --wait')
    .action(act(contexts, (ctx, ref: string, flags: ShutdownFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: ShutdownFlags, ctx: Context): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const { api, id, label } = await target(ctx, ref);
  const write = shutdownRequest(id, { skipSnapshot: flags.skipSnapshot });
  if (showDryRun(ctx, api, write)) return;
  await confirmOrFail(ctx.io, `Shut down deployment ${label}? Its resources stop.`, flags.yes);
  const before = await snapshot(api, id);
  const res = await api.request(write);
  await report(ctx, res.text, `Shutting down deployment ${label}.`);
  // A resource that is already stopped gets no shutdown plan: nothing to wait for.
  const running = [...before].filter(([, b]) => b.status !== 'stopped').map(([k]) => k);
  if (flags.wait) await follow(ctx, api, id, targetsFor(running, before), timeoutMs);
}
