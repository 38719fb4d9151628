// `ece deployments delete`: remove a shut-down deployment for good. Asks
// first (showing the name).

import { deleteRequest } from '../../api/deployments.js';
import { defineVerb } from '../run/types.js';
import { target } from './target.js';

export const verb = defineVerb<{ deployment: string }>({
  effect: 'destructive',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  description: 'A running deployment must be shut down first.',
  examples: [
    'ece deployments shutdown old-logs --yes --wait && ece deployments delete old-logs --yes',
  ],
  async plan(input, ctx) {
    const { id, label } = await target(ctx, input.deployment);
    return {
      writes: [deleteRequest(id)],
      confirm: `Delete deployment ${label} for good?`,
      done: `Deleted deployment ${label}.`,
      hint: (err) =>
        err.status === 400 && err.errors.some((e) => e.code === 'deployments.resource_not_shutdown')
          ? `a running deployment must be shut down first: ece deployments shutdown ${id} --wait`
          : undefined,
    };
  },
});
