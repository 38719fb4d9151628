// `ece roles delete <role>`: asks first; --yes skips that. ECE refuses while
// runners hold the role (400 roles.in_use, exit 5): take it off them first
// with `ece runners roles set`. The version read first guards the delete.

import { parseBody } from '../../api/body.js';
import { deleteRoleRequest, getRole } from '../../api/roles.js';
import { defineVerb } from '../run/types.js';
import type { RoleAggregate } from './role.js';

export const verb = defineVerb<{ role: string }>({
  effect: 'destructive',
  args: [{ name: 'role', description: 'role id' }],
  description: 'ECE refuses to delete a role that runners still hold; the error names them.',
  examples: ['ece roles delete monitoring', 'ece roles delete monitoring --yes'],
  async plan({ role: id }, ctx) {
    const current = parseBody<RoleAggregate>(await getRole(await ctx.api(), id));
    return {
      writes: [deleteRoleRequest(id, current.role?.meta?.version)],
      confirm: `Delete runner role ${id}?`,
      done: `Deleted runner role ${id}.`,
    };
  },
});
