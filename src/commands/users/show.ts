// `ece users show NAME`.

import { getUser } from '../../api/platform.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { NAME_ARG, userColumns } from './columns.js';

export const verb = defineVerb<{ name: string }>({
  effect: 'read',
  args: [NAME_ARG],
  examples: ['ece users show admin'],
  async plan({ name }, ctx) {
    const res = await getUser(await ctx.api(), name);
    return { output: { body: res, view: fieldsView(userColumns) } };
  },
});
