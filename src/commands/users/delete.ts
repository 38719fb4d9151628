// `ece users delete NAME`: asks first; --yes skips that; --dry-run shows the
// write. Deleting the user you are signed in as is refused (exit 2) before
// anything is sent: it would lock you out.

import { deleteUserRequest } from '../../api/platform.js';
import { defineVerb } from '../run/types.js';
import { NAME_ARG } from './columns.js';
import { refuseSelf } from './self.js';

export const verb = defineVerb<{ name: string }>({
  effect: 'destructive',
  args: [NAME_ARG],
  examples: ['ece users delete jdoe --yes'],
  async plan({ name }, ctx) {
    await refuseSelf(await ctx.api(), name, 'deleting');
    return {
      writes: [deleteUserRequest(name)],
      confirm: `Delete user ${name}? It can no longer sign in, and its API keys stop working.`,
      done: `Deleted user ${name}.`,
    };
  },
});
