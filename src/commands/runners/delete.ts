// `ece runners delete <runner>`: forgets a decommissioned host. Asks first;
// --yes skips that. ECE refuses while the host still runs instances (move
// them off with `ece allocators vacate`): its answer is the error (exit 5).

import type { Command } from 'commander';
import { deleteRunnerRequest, getRunner } from '../../api/runners.js';
import type { Context } from '../../context.js';
import { requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { confirmAndSend } from '../write.js';

interface DeleteFlags {
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .alias('rm')
    .description('Delete a runner: the last step of decommissioning a host (asks first)')
    .argument('<runner>', 'runner id')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
Empty the host first (allocators maintenance on, vacate); ECE refuses to
delete a runner whose host still runs instances.

Examples:
  $ ece runners delete 192.168.44.12
  $ ece runners delete 192.168.44.12 --yes`,
    )
    .action(act(contexts, (ctx, id: string, flags: DeleteFlags) => run(id, flags, ctx)));
}

export async function run(id: string, flags: DeleteFlags, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  // A missing runner is exit 3 before anyone is asked anything.
  await getRunner(api, id);
  const write = deleteRunnerRequest(id);
  await confirmAndSend(ctx, api, write, {
    question: `Delete runner ${id}?`,
    yes: flags.yes,
    done: `Deleted runner ${id}.`,
  });
}
