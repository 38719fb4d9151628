// `ece deployments restart`: restart the instances of one resource.

import { defineVerb } from '../run/types.js';
import { RESOURCE_ARGS, RESOURCE_OPTIONS, type ResourceInput, resourcePlan } from './resource.js';

export const verb = defineVerb<ResourceInput>({
  effect: 'write',
  waits: true,
  args: RESOURCE_ARGS,
  options: [
    ...RESOURCE_OPTIONS,
    {
      flags: '--cancel-pending',
      description: 'cancel a pending plan of the resource first (ECE refuses otherwise)',
    },
  ],
  examples: [
    'ece deployments restart prod-logs --kind kibana --wait',
    'ece deployments restart prod-logs --ref-id _main --cancel-pending',
  ],
  plan: (input, ctx) => resourcePlan(input, 'restart', ctx),
});
