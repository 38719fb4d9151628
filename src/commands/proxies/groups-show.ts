// `ece proxies filtered-groups show <id>` (the API has no list of groups:
// `ece proxies health` names them).

import { getFilteredGroup } from '../../api/proxies.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { columns } from './group.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'read',
  args: [{ name: 'id', description: 'group id (ece proxies health lists them)' }],
  examples: ['ece proxies filtered-groups show zone-1'],
  async plan({ id }, ctx) {
    const res = await getFilteredGroup(await ctx.api(), id);
    return { output: { body: res, view: fieldsView(columns) } };
  },
});
