// `ece auth token`: the current bearer token on stdout (renewed first if it is
// close to expiry), for piping into other tools.

import type { Command } from 'commander';
import { missingCredentialMessage } from '../../auth/credentials.js';
import type { Context } from '../../context.js';
import { AuthError } from '../../errors.js';
import { act, type Contexts } from '../action.js';

export function register(cmd: Command, contexts: Contexts): void {
  cmd
    .command('token')
    .description('Print the bearer token of the active session')
    .addHelpText(
      'after',
      `
Prints the token and nothing else; exit 4 when the active credential is an
API key or missing. Hand it to curl in a config on stdin, not with -H: an
argument of curl shows in ps to every local user while curl runs (printf is
a shell builtin, so its arguments do not).

Examples:
  $ printf 'header = "Authorization: Bearer %s"\\n' "$(ece auth token)" | curl -K - https://ece.example.com:12443/api/v1/user`,
    )
    .action(act(contexts, (ctx) => run(ctx)));
}

export async function run(ctx: Context): Promise<void> {
  const credential = await ctx.credential();
  if (!credential) throw new AuthError(missingCredentialMessage);
  if (credential.type !== 'bearer') {
    throw new AuthError(
      `the active credential is an API key (from ${credential.source}); \`ece auth token\` prints bearer tokens only`,
    );
  }
  const api = await ctx.api();
  const current = await api.currentCredential();
  const token = current?.secret ?? credential.secret;
  ctx.reveal(token);
  ctx.io.stdout.write(`${token}\n`);
}
