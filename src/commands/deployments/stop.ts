// `ece deployments stop`: stop every instance of one resource. Stopping
// Elasticsearch takes the deployment's data offline: it asks, like shutdown.

import { defineVerb } from '../run/types.js';
import { RESOURCE_ARGS, RESOURCE_OPTIONS, type ResourceInput, resourcePlan } from './resource.js';

export const verb = defineVerb<ResourceInput>({
  effect: 'destructive',
  effectOf: (input) =>
    (input.kind ?? 'elasticsearch') === 'elasticsearch' ? 'destructive' : 'write',
  waits: true,
  args: RESOURCE_ARGS,
  options: RESOURCE_OPTIONS,
  examples: [
    'ece deployments stop prod-logs --kind kibana --wait',
    'ece deployments stop prod-logs --yes',
  ],
  plan: (input, ctx) => resourcePlan(input, '_stop', ctx),
});
