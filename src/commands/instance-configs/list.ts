// `ece instance-configs list`: the installation's instance configurations.

import { listInstanceConfigs } from '../../api/instance-configs.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { columns, type InstanceConfig } from './columns.js';

export const verb = defineVerb<{ showDeleted?: boolean }>({
  effect: 'read',
  options: [{ flags: '--show-deleted', description: 'include deleted configurations' }],
  examples: [
    'ece instance-configs list',
    'ece instance-configs list --query "[?instance_type==\'kibana\'].id"',
  ],
  async plan({ showDeleted }, ctx) {
    const res = await listInstanceConfigs(await ctx.api(), { showDeleted });
    return {
      output: {
        body: res,
        view: listView<InstanceConfig>(
          (d) => d as InstanceConfig[],
          columns,
          'No instance configurations.',
        ),
      },
    };
  },
});
