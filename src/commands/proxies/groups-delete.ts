// `ece proxies filtered-groups delete <id>`: a write, not destructive — a
// group only names proxies for health reports; no proxy or route changes,
// and `create` makes it again. The version read guards the delete.

import { deleteFilteredGroupRequest, getFilteredGroup } from '../../api/proxies.js';
import { defineVerb } from '../run/types.js';
import { changedHint, readGroup } from './group.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'write',
  args: [{ name: 'id', description: 'group id' }],
  examples: ['ece proxies filtered-groups delete zone-1'],
  async plan({ id }, ctx) {
    const { version } = readGroup(await getFilteredGroup(await ctx.api(), id));
    return {
      writes: [deleteFilteredGroupRequest(id, version)],
      hint: changedHint(id),
      done: `Deleted filtered group ${id}.`,
    };
  },
});
