// `ece deployments instances start`: start stopped instances of a resource (or --all).

import { defineVerb } from '../../run/types.js';
import {
  CHANGE_OPTIONS,
  type ChangeInput,
  changePlan,
  DEPLOYMENT_ARG,
  INSTANCES_ARG,
} from './change.js';

export const verb = defineVerb<ChangeInput>({
  effect: 'write',
  args: [DEPLOYMENT_ARG, INSTANCES_ARG],
  options: CHANGE_OPTIONS,
  examples: [
    'ece deployments instances start prod-logs instance-0000000001',
    'ece deployments instances start prod-logs --kind kibana --all',
  ],
  plan: (input, ctx) => changePlan(input, 'start', ctx),
});
