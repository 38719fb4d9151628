// `ece constructors list`: the constructors that place instances on allocators.

import { listConstructors } from '../../api/infrastructure.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { type Constructor, columns } from './columns.js';

export const verb = defineVerb({
  effect: 'read',
  examples: ['ece constructors list'],
  async plan(_input, ctx) {
    const res = await listConstructors(await ctx.api());
    return {
      output: {
        body: res,
        view: listView<Constructor>(
          (d) => (d as { constructors?: Constructor[] }).constructors,
          columns,
          'No constructors.',
        ),
      },
    };
  },
});
