// `ece coordinators show <id>`.

import { getCoordinator } from '../../api/coordinators.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { coordinatorColumns } from './columns.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'read',
  args: [{ name: 'id', description: 'coordinator id (ece coordinators list)' }],
  examples: ['ece coordinators show 192.168.44.10'],
  async plan({ id }, ctx) {
    const res = await getCoordinator(await ctx.api(), id);
    return { output: { body: res, view: fieldsView(coordinatorColumns) } };
  },
});
