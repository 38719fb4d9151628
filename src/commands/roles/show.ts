// `ece roles show <role>`: one runner role, its containers and runners.

import { getRole } from '../../api/roles.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { detailColumns } from './role.js';

export const verb = defineVerb<{ role: string }>({
  effect: 'read',
  args: [{ name: 'role', description: 'role id, e.g. allocator' }],
  examples: ['ece roles show proxy', 'ece roles show proxy --json > proxy-role.json'],
  async plan({ role }, ctx) {
    const res = await getRole(await ctx.api(), role);
    return { output: { body: res, view: fieldsView(detailColumns) } };
  },
});
