// `ece users list`: ECE leaves disabled users out unless --include-disabled.

import { listUsersIncluding } from '../../api/users.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { type User, userColumns } from './columns.js';

export const verb = defineVerb<{ includeDisabled?: boolean }>({
  effect: 'read',
  options: [{ flags: '-a, --include-disabled', description: 'list disabled users too' }],
  examples: [
    'ece users list',
    'ece users list --include-disabled --query "users[?security.enabled==`false`].user_name"',
  ],
  async plan(input, ctx) {
    const res = await listUsersIncluding(await ctx.api(), input);
    return {
      output: {
        body: res,
        view: listView<User>((d) => (d as { users?: User[] }).users, userColumns, 'No users.'),
      },
    };
  },
});
