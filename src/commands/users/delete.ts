// `ece users delete NAME`: asks first; --yes skips that; --dry-run shows the
// write. Deleting the user you are signed in as is refused (exit 2) before
// anything is sent: it would lock you out.

import type { Command } from 'commander';
import { deleteUserRequest } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { refuseSelf } from './self.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .alias('rm')
    .description('Delete a user (asks first)')
    .argument('<name>', 'user name')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', '\nExamples:\n  $ ece users delete jdoe --yes')
    .action(act(contexts, (ctx, name: string, flags: { yes?: boolean }) => run(name, flags, ctx)));
}

export async function run(name: string, flags: { yes?: boolean }, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  await refuseSelf(api, name, 'deleting');
  const write = deleteUserRequest(name);
  if (showDryRun(ctx, api, write)) return;
  await confirmOrFail(
    ctx.io,
    `Delete user ${name}? It can no longer sign in, and its API keys stop working.`,
    flags.yes,
  );
  await api.request(write);
  ctx.io.stderr.write(`Deleted user ${name}.\n`);
}
