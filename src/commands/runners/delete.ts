// `ece runners delete <runner>`: forgets a decommissioned host. Asks first;
// --yes skips that. ECE refuses while the host still runs instances (move
// them off with `ece allocators vacate`): its answer is the error (exit 5).

import { deleteRunnerRequest, getRunner } from '../../api/runners.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb<{ runner: string }>({
  effect: 'destructive',
  args: [{ name: 'runner', description: 'runner id' }],
  description: `Empty the host first (allocators maintenance on, vacate); ECE refuses to
delete a runner whose host still runs instances.`,
  examples: ['ece runners delete 192.168.44.12', 'ece runners delete 192.168.44.12 --yes'],
  async plan({ runner: id }, ctx) {
    // A missing runner is exit 3 before anyone is asked anything.
    await getRunner(await ctx.api(), id);
    return {
      writes: [deleteRunnerRequest(id)],
      confirm: `Delete runner ${id}?`,
      done: `Deleted runner ${id}.`,
    };
  },
});
