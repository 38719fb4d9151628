// `ece snapshot-repos delete <name>`: asks first; --yes skips that.

import type { Command } from 'commander';
import { deleteSnapshotRepo, getSnapshotRepo } from '../../api/snapshot-repos.js';
import type { Context } from '../../context.js';
import { requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { confirmAndSend } from '../write.js';

interface DeleteFlags {
  yes?: boolean;
  cleanupDeployments?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .alias('rm')
    .description('Delete a snapshot repository (asks first)')
    .argument('<name>', 'repository name')
    .option('--cleanup-deployments', 'also remove it from the deployments that use it')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
Deployments that snapshot to it stop taking snapshots unless
--cleanup-deployments moves them off it (ECE does that in the background).

Examples:
  $ ece snapshot-repos delete old-backups
  $ ece snapshot-repos delete old-backups --cleanup-deployments --yes`,
    )
    .action(act(contexts, (ctx, name: string, flags: DeleteFlags) => run(name, flags, ctx)));
}

export async function run(name: string, flags: DeleteFlags, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  await getSnapshotRepo(api, name);
  const write = deleteSnapshotRepo(name, { cleanupDeployments: flags.cleanupDeployments });
  await confirmAndSend(ctx, api, write, {
    question: `Delete snapshot repository ${name}?`,
    yes: flags.yes,
    done: `Deleted snapshot repository ${name}.`,
  });
}
