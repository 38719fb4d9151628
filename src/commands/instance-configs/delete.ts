// `ece instance-configs delete <id>`: asks first; --yes skips that.

import { deleteInstanceConfig, getInstanceConfig } from '../../api/instance-configs.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'destructive',
  args: [{ name: 'id', description: 'instance configuration id' }],
  description: `Templates that use it can no longer create deployments with it. ECE refuses
to delete its own (system-owned) configurations.`,
  examples: ['ece instance-configs delete data.big', 'ece instance-configs delete data.big --yes'],
  async plan({ id }, ctx) {
    await getInstanceConfig(await ctx.api(), id);
    return {
      writes: [deleteInstanceConfig(id)],
      confirm: `Delete instance configuration ${id}?`,
      done: `Deleted instance configuration ${id}.`,
    };
  },
});
