// `ece coordinators candidates show <id>`.

import { getCoordinatorCandidate } from '../../api/coordinators.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { candidateColumns } from './columns.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'read',
  args: [{ name: 'id', description: 'candidate id (ece coordinators candidates list)' }],
  examples: ['ece coordinators candidates show 192.168.44.13'],
  async plan({ id }, ctx) {
    const res = await getCoordinatorCandidate(await ctx.api(), id);
    return { output: { body: res, view: fieldsView(candidateColumns) } };
  },
});
