// `ece deployments shutdown`: stop all of a deployment's resources. Asks
// first (showing the name).

import { shutdownRequest } from '../../api/deployments.js';
import { type Before, snapshot, targetsFor } from '../../api/plans.js';
import { defineVerb } from '../run/types.js';
import { target } from './target.js';

export const verb = defineVerb<{ deployment: string; skipSnapshot?: boolean }>({
  effect: 'destructive',
  waits: true,
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [{ flags: '--skip-snapshot', description: 'do not take a snapshot first' }],
  examples: ['ece deployments shutdown staging-search --yes --wait'],
  async plan(input, ctx) {
    const { api, id, label } = await target(ctx, input.deployment);
    let before = new Map<string, Before>();
    return {
      writes: [shutdownRequest(id, { skipSnapshot: input.skipSnapshot })],
      confirm: `Shut down deployment ${label}? Its resources stop.`,
      done: `Shutting down deployment ${label}.`,
      wait: {
        deployment: id,
        before: async () => {
          before = await snapshot(api, id);
        },
        // A resource that is already stopped gets no shutdown plan: nothing to wait for.
        targets: () =>
          targetsFor(
            [...before].filter(([, b]) => b.status !== 'stopped').map(([k]) => k),
            before,
          ),
      },
    };
  },
});
