// `ece auth keys show <id> [--user NAME]`: one API key's description and
// dates (never the key itself: ECE shows that once, when it is made).

import { type ApiKey, getKey } from '../../../api/auth.js';
import { UsageError } from '../../../errors.js';
import { fieldsView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';

interface Input {
  id: string;
  user?: string;
}

export const verb = defineVerb<Input>({
  effect: 'read',
  args: [{ name: 'id', description: 'the key id (ece auth keys list)' }],
  options: [{ flags: '--user <name>', description: "one of this user's keys (platform admins)" }],
  examples: [
    'ece auth keys show 2e9a3f64a1d54b6c9f0b8e7d6c5a4b3f',
    'ece auth keys show 2e9a3f64a1d54b6c9f0b8e7d6c5a4b3f --user jdoe --json',
  ],
  input(raw) {
    const input = raw as unknown as Input;
    if (input.user === '') throw new UsageError('--user is empty');
    return input;
  },
  async plan(input, ctx) {
    const res = await getKey(await ctx.api(), input.id, input.user);
    return {
      output: {
        body: res,
        view: fieldsView<ApiKey>([
          ['ID', (k) => k.id],
          ['USER', (k) => k.user_id],
          ['DESCRIPTION', (k) => k.description],
          ['CREATED', (k) => k.creation_date],
          ['EXPIRES', (k) => k.expiration_date ?? '-'],
        ]),
      },
    };
  },
});
