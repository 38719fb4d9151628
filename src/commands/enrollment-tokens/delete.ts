// `ece enrollment-tokens delete ID…`: revokes tokens so that no host can
// join with them any more. Asks first; --yes skips that; --dry-run shows the
// writes. ECE also accepts the token itself in place of its id: such an
// argument is treated as the secret it is and masked in all output.

import { deleteEnrollmentTokenRequest } from '../../api/enrollment.js';
import { defineVerb } from '../run/types.js';

/** Token ids are short; a long argument is a token itself (a secret). */
const isToken = (arg: string) => arg.length > 40;

export const verb = defineVerb<{ tokenId: string[] }>({
  effect: 'destructive',
  args: [
    {
      name: 'token-id',
      description: 'token ids (see `ece enrollment-tokens list`)',
      variadic: true,
    },
  ],
  examples: [
    'ece enrollment-tokens delete 6a0e0c3b9f2d4e1f',
    'ece enrollment-tokens delete 6a0e0c3b9f2d4e1f --yes',
  ],
  async plan({ tokenId }, ctx) {
    const unique = [...new Set(tokenId)];
    const api = await ctx.api();
    for (const id of unique) if (isToken(id)) api.addSecret(id);
    const named = (id: string) => (isToken(id) ? 'the given token' : id);
    const what =
      unique.length === 1
        ? `enrollment token ${named(unique[0] ?? '')}`
        : `${unique.length} enrollment tokens`;
    return {
      writes: unique.map(deleteEnrollmentTokenRequest),
      confirm: `Delete ${what}? No new host can join with it.`,
      done: unique.map((id) => `Deleted enrollment token ${named(id)}.`).join('\n'),
    };
  },
});
