// `ece coordinators candidates list`: hosts installed with the coordinator
// role that wait to be promoted.

import { listCoordinatorCandidates } from '../../api/coordinators.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { type Candidate, candidateColumns } from './columns.js';

export const verb = defineVerb({
  effect: 'read',
  examples: ['ece coordinators candidates list'],
  async plan(_input, ctx) {
    const res = await listCoordinatorCandidates(await ctx.api());
    return {
      output: {
        body: res,
        view: listView<Candidate>(
          (d) => (d as { candidates?: Candidate[] }).candidates,
          candidateColumns,
          'No coordinator candidates.',
        ),
      },
    };
  },
});
