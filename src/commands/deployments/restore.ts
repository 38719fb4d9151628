// `ece deployments restore`: bring a shut-down deployment back.

import type { Command } from 'commander';
import { restoreRequest } from '../../api/deployments.js';
import { snapshot, targetsFor } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { report, target } from './target.js';
import { addWaitOptions, follow, type WaitFlags, waitTimeoutMs } from './wait.js';

export interface RestoreFlags extends WaitFlags {
  restoreSnapshot?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  const cmd = group
    .command('restore')
    .description('Bring a shut-down deployment back')
    .argument('<deployment>', 'deployment id or exact name')
    .option('--restore-snapshot', 'restore the latest snapshot too');
  addWaitOptions(cmd)
    .addHelpText('after', '\nExamples:\n  $ ece deployments restore staging-search --wait')
    .action(act(contexts, (ctx, ref: string, flags: RestoreFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: RestoreFlags, ctx: Context): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  const { api, id, label } = await target(ctx, ref);
  const write = restoreRequest(id, { restoreSnapshot: flags.restoreSnapshot });
  if (showDryRun(ctx, api, write)) return;
  const before = await snapshot(api, id);
  const res = await api.request(write);
  await report(ctx, res.text, `Restoring deployment ${label}.`);
  if (flags.wait) await follow(ctx, api, id, targetsFor(before.keys(), before), timeoutMs);
}
