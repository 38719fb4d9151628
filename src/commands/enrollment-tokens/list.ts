// `ece enrollment-tokens list`: the persistent tokens' ids and roles. ECE
// never shows a token's value again, and tokens that expire are not listed.

import { listEnrollmentTokens } from '../../api/enrollment.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';

interface Token {
  token_id: string;
  roles: string[];
}

export const verb = defineVerb({
  effect: 'read',
  examples: [
    'ece enrollment-tokens list',
    'ece enrollment-tokens list --query "tokens[].token_id"',
  ],
  async plan(_input, ctx) {
    const res = await listEnrollmentTokens(await ctx.api());
    return {
      output: {
        body: res,
        view: listView<Token>(
          (d) => (d as { tokens?: Token[] }).tokens,
          [
            ['TOKEN_ID', (t) => t.token_id],
            ['ROLES', (t) => t.roles],
          ],
          'No enrollment tokens.',
        ),
      },
    };
  },
});
