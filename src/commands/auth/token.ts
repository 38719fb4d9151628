// `ece auth token`: the current bearer token on stdout (renewed first if it is
// close to expiry), for piping into other tools.

import { missingCredentialMessage } from '../../auth/credentials.js';
import { AuthError } from '../../errors.js';
import { textOutput } from '../run/exact.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb({
  effect: 'read',
  description: `Prints the token and nothing else; exit 4 when the active credential is an
API key or missing. Hand it to curl in a config on stdin, not with -H: an
argument of curl shows in ps to every local user while curl runs (printf is
a shell builtin, so its arguments do not).`,
  examples: [
    `printf 'header = "Authorization: Bearer %s"\\n' "$(ece auth token)" | curl -K - https://ece.example.com:12443/api/v1/user`,
  ],
  async plan(_input, ctx) {
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
    // The token alone, whatever the format: it is piped into other tools.
    return { output: textOutput(`${token}\n`) };
  },
});
