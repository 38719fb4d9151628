// `ece constructors show <id>`.

import { getConstructor } from '../../api/infrastructure.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { columns } from './columns.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'read',
  args: [{ name: 'id', description: 'constructor id (ece constructors list)' }],
  examples: ['ece constructors show 192.168.44.10'],
  async plan({ id }, ctx) {
    const res = await getConstructor(await ctx.api(), id);
    return { output: { body: res, view: fieldsView(columns) } };
  },
});
