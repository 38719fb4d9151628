// `ece traffic-filters disassociate <ruleset> <deployment>`: the ruleset's
// rules stop applying to the deployment. Not associated is exit 3.

import { disassociate } from '../../api/traffic-filters.js';
import { resolveDeployment } from '../deployments/resolve.js';
import { defineVerb } from '../run/types.js';
import { resolveRuleset } from './ruleset.js';

export const verb = defineVerb<{ ruleset: string; deployment: string }>({
  effect: 'write',
  args: [
    { name: 'ruleset', description: 'ruleset id or exact name' },
    { name: 'deployment', description: 'deployment id or exact name' },
  ],
  description: `If it was the deployment's last ruleset, the deployment accepts traffic from
anywhere again.`,
  examples: ['ece traffic-filters disassociate office-network prod-logs'],
  async plan(input, ctx) {
    const api = await ctx.api();
    const ruleset = await resolveRuleset(api, input.ruleset);
    const deployment = await resolveDeployment(api, input.deployment);
    return {
      writes: [disassociate(ruleset.id, deployment.id)],
      done: `Removed traffic filter ruleset ${ruleset.name ?? ruleset.id} from deployment ${deployment.name ?? deployment.id}.`,
    };
  },
});
