// `ece instance-configs show <id>`.

import { getInstanceConfig } from '../../api/instance-configs.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { detailColumns } from './columns.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'read',
  args: [{ name: 'id', description: 'instance configuration id' }],
  examples: [
    'ece instance-configs show data.default',
    'ece instance-configs show data.default --json > ic.json',
  ],
  async plan({ id }, ctx) {
    const res = await getInstanceConfig(await ctx.api(), id);
    return { output: { body: res, view: fieldsView(detailColumns) } };
  },
});
