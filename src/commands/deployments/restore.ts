// `ece deployments restore`: bring a shut-down deployment back.

import { restoreRequest } from '../../api/deployments.js';
import { type Before, snapshot, targetsFor } from '../../api/plans.js';
import { defineVerb } from '../run/types.js';
import { target } from './target.js';

export const verb = defineVerb<{ deployment: string; restoreSnapshot?: boolean }>({
  effect: 'write',
  waits: true,
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [{ flags: '--restore-snapshot', description: 'restore the latest snapshot too' }],
  examples: ['ece deployments restore staging-search --wait'],
  async plan(input, ctx) {
    const { api, id, label } = await target(ctx, input.deployment);
    let before = new Map<string, Before>();
    return {
      writes: [restoreRequest(id, { restoreSnapshot: input.restoreSnapshot })],
      done: `Restoring deployment ${label}.`,
      wait: {
        deployment: id,
        before: async () => {
          before = await snapshot(api, id);
        },
        targets: () => targetsFor(before.keys(), before),
      },
    };
  },
});
