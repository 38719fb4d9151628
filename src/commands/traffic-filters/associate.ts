// `ece traffic-filters associate <ruleset> <deployment>`: the ruleset's
// rules start to apply to the deployment. Associating twice is harmless:
// ECE answers 200 instead of 201, and the command says so.

import { associate } from '../../api/traffic-filters.js';
import { resolveDeployment } from '../deployments/resolve.js';
import { defineVerb } from '../run/types.js';
import { resolveRuleset } from './ruleset.js';

export const verb = defineVerb<{ ruleset: string; deployment: string }>({
  effect: 'write',
  args: [
    { name: 'ruleset', description: 'ruleset id or exact name' },
    { name: 'deployment', description: 'deployment id or exact name' },
  ],
  description: 'The ruleset and the deployment must be in the same region.',
  examples: [
    'ece traffic-filters associate office-network prod-logs',
    'ece traffic-filters associate office-network prod-logs --dry-run',
  ],
  async plan(input, ctx) {
    const api = await ctx.api();
    const ruleset = await resolveRuleset(api, input.ruleset);
    const deployment = await resolveDeployment(api, input.deployment);
    const r = ruleset.name ?? ruleset.id;
    const d = deployment.name ?? deployment.id;
    return {
      writes: [associate(ruleset.id, deployment.id)],
      done: (sent) =>
        sent[0]?.status === 201
          ? `Associated traffic filter ruleset ${r} with deployment ${d}.`
          : `Deployment ${d} already uses traffic filter ruleset ${r}.`,
    };
  },
});
