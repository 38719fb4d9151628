// `ece auth keys delete ID`: confirmed on a terminal, --yes otherwise;
// --dry-run shows the write.

import type { Command } from 'commander';
import { deleteKeyRequest } from '../../../api/auth.js';
import type { Context } from '../../../context.js';
import { confirmOrFail, requireConfirmable } from '../../../output/prompt.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .alias('rm')
    .description('Delete an API key')
    .argument('<id>', 'the key id (see `ece auth keys list`)')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', '\nExamples:\n  $ ece auth keys delete 2a1b3c4d5e6f --yes')
    .action(act(contexts, (ctx, id: string, flags: { yes?: boolean }) => run(id, flags, ctx)));
}

export async function run(id: string, flags: { yes?: boolean }, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const write = deleteKeyRequest(id);
  if (showDryRun(ctx, api, write)) return;
  await confirmOrFail(ctx.io, `Delete API key ${id}? Anything using it stops working.`, flags.yes);
  await api.request(write);
  ctx.io.stderr.write(`Deleted API key ${id}.\n`);
}
