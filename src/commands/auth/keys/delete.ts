// `ece auth keys delete ID…`: your keys, or with --user another user's
// (platform admins). Confirmed on a terminal, --yes otherwise; --dry-run
// shows the writes. Several ids are deleted one after the other.

import type { Command } from 'commander';
import { deleteKeyRequest, deleteUserKeyRequest } from '../../../api/auth.js';
import type { Context } from '../../../context.js';
import { UsageError } from '../../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../../output/prompt.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';

export interface DeleteFlags {
  yes?: boolean;
  user?: string;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .alias('rm')
    .description("Delete API keys: yours, or another user's with --user")
    .argument('<id...>', 'key ids (see `ece auth keys list`)')
    .option('--user <name>', "delete this user's keys (platform admins)")
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
Examples:
  $ ece auth keys delete 2a1b3c4d5e6f --yes
  $ ece auth keys delete --user jdoe 2a1b3c4d5e6f 7f8e9d0c1b2a`,
    )
    .action(act(contexts, (ctx, ids: string[], flags: DeleteFlags) => run(ids, flags, ctx)));
}

export async function run(ids: string[], flags: DeleteFlags, ctx: Context): Promise<void> {
  if (flags.user === '') throw new UsageError('--user is empty');
  const unique = [...new Set(ids)];
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const user = flags.user;
  const writes = unique.map((id) =>
    user === undefined ? deleteKeyRequest(id) : deleteUserKeyRequest(user, id),
  );
  if (showDryRun(ctx, api, ...writes)) return;
  const whose = user === undefined ? '' : ` of user ${user}`;
  const what =
    unique.length === 1
      ? `API key ${unique[0]}`
      : `${unique.length} API keys (${unique.join(', ')})`;
  await confirmOrFail(
    ctx.io,
    `Delete ${what}${whose}? Anything using it stops working.`,
    flags.yes,
  );
  for (const [i, write] of writes.entries()) {
    await api.request(write);
    ctx.io.stderr.write(`Deleted API key ${unique[i]}${whose}.\n`);
  }
}
