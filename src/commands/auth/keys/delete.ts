// `ece auth keys delete ID…`: your keys, or with --user another user's
// (platform admins). Confirmed on a terminal, --yes otherwise; --dry-run
// shows the writes. Several ids are deleted one after the other.

import { deleteKeyRequest, deleteUserKeyRequest } from '../../../api/auth.js';
import { UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';

export interface DeleteInput {
  id: string[];
  user?: string;
}

export const verb = defineVerb<DeleteInput>({
  effect: 'destructive',
  args: [{ name: 'id', description: 'key ids (see `ece auth keys list`)', variadic: true }],
  options: [{ flags: '--user <name>', description: "delete this user's keys (platform admins)" }],
  examples: [
    'ece auth keys delete 2a1b3c4d5e6f --yes',
    'ece auth keys delete --user jdoe 2a1b3c4d5e6f 7f8e9d0c1b2a',
  ],
  input(raw) {
    const input = raw as unknown as DeleteInput;
    if (input.user === '') throw new UsageError('--user is empty');
    return { ...input, id: [...new Set(input.id)] };
  },
  async plan({ id: ids, user }, ctx) {
    const whose = user === undefined ? '' : ` of user ${user}`;
    const what =
      ids.length === 1 ? `API key ${ids[0]}` : `${ids.length} API keys (${ids.join(', ')})`;
    const writes = ids.map((id) =>
      user === undefined ? deleteKeyRequest(id) : deleteUserKeyRequest(user, id),
    );
    return {
      writes,
      confirm: `Delete ${what}${whose}? Anything using it stops working.`,
      // Each key said as it goes: if one fails, the lines before say which were deleted.
      send: async (api) => {
        for (const [i, write] of writes.entries()) {
          await api.request(write);
          ctx.io.stderr.write(`Deleted API key ${ids[i]}${whose}.\n`);
        }
        // Nothing on stdout, whatever the format.
        return [];
      },
    };
  },
});
