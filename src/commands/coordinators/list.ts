// `ece coordinators list`: the hosts that run the control plane.

import { listCoordinators } from '../../api/coordinators.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { type Coordinator, coordinatorColumns } from './columns.js';

export const verb = defineVerb({
  effect: 'read',
  examples: ['ece coordinators list', 'ece coordinators list --query "coordinators[].name"'],
  async plan(_input, ctx) {
    const res = await listCoordinators(await ctx.api());
    return {
      output: {
        body: res,
        view: listView<Coordinator>(
          (d) => (d as { coordinators?: Coordinator[] }).coordinators,
          coordinatorColumns,
          'No coordinators.',
        ),
      },
    };
  },
});
