// `ece enrollment-tokens delete ID…`: revokes tokens so that no host can
// join with them any more. Asks first; --yes skips that; --dry-run shows the
// writes. ECE also accepts the token itself in place of its id: such an
// argument is treated as the secret it is and masked in all output.

import type { Command } from 'commander';
import { deleteEnrollmentTokenRequest } from '../../api/enrollment.js';
import type { Context } from '../../context.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';

interface DeleteFlags {
  yes?: boolean;
}

/** Token ids are short; a long argument is a token itself (a secret). */
const isToken = (arg: string) => arg.length > 40;

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .alias('rm')
    .description('Revoke and delete enrollment tokens (asks first)')
    .argument('<token-id...>', 'token ids (see `ece enrollment-tokens list`)')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece enrollment-tokens delete 6a0e0c3b9f2d4e1f\n  $ ece enrollment-tokens delete 6a0e0c3b9f2d4e1f --yes',
    )
    .action(act(contexts, (ctx, ids: string[], flags: DeleteFlags) => run(ids, flags, ctx)));
}

export async function run(ids: string[], flags: DeleteFlags, ctx: Context): Promise<void> {
  const unique = [...new Set(ids)];
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  for (const id of unique) if (isToken(id)) api.addSecret(id);
  const writes = unique.map(deleteEnrollmentTokenRequest);
  if (showDryRun(ctx, api, ...writes)) return;
  const named = (id: string) => (isToken(id) ? 'the given token' : id);
  const what =
    unique.length === 1
      ? `enrollment token ${named(unique[0] ?? '')}`
      : `${unique.length} enrollment tokens`;
  await confirmOrFail(ctx.io, `Delete ${what}? No new host can join with it.`, flags.yes);
  for (const [i, write] of writes.entries()) {
    await api.request(write);
    ctx.io.stderr.write(`Deleted enrollment token ${named(unique[i] ?? '')}.\n`);
  }
}
