// `ece deployments start`: start the stopped instances of one resource.

import { defineVerb } from '../run/types.js';
import { RESOURCE_ARGS, RESOURCE_OPTIONS, type ResourceInput, resourcePlan } from './resource.js';

export const verb = defineVerb<ResourceInput>({
  effect: 'write',
  waits: true,
  args: RESOURCE_ARGS,
  options: RESOURCE_OPTIONS,
  examples: ['ece deployments start prod-logs --kind kibana --wait'],
  plan: (input, ctx) => resourcePlan(input, '_start', ctx),
});
