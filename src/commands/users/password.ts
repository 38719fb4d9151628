// A new password for `users create` and `users update`: from stdin
// (--password-stdin) or asked on a terminal, never from a flag value. A dry
// run never prompts: the password it did not read is $ECE_PASSWORD in curl.
// The caller registers it with api.addSecret, which masks it everywhere.

import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readStdin, UNREAD_PASSWORD } from '../../input.js';
import { ask, canPrompt } from '../../output/prompt.js';
import type { OptionSpec } from '../run/types.js';

export const PASSWORD_STDIN: OptionSpec = {
  flags: '--password-stdin',
  description: 'read the new password from standard input',
};

/** Fails before any request when the password could not be had. */
export function checkPasswordSource(ctx: Context, fromStdin: boolean | undefined): void {
  if (!fromStdin && !ctx.flags.dryRun && !canPrompt(ctx.io)) {
    throw new UsageError(
      'the password is asked for on a terminal; without one use --password-stdin',
    );
  }
}

export async function readPassword(
  ctx: Context,
  fromStdin: boolean | undefined,
  prompt = 'Password: ',
): Promise<string> {
  const password = fromStdin
    ? await readStdin(ctx.io, 'the password')
    : ctx.flags.dryRun
      ? UNREAD_PASSWORD
      : await ask(ctx.io, prompt, { hidden: true });
  if (password.length < 8) throw new UsageError('the password must have at least 8 characters');
  return password;
}
