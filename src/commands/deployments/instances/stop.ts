// `ece deployments instances stop`: stop chosen instances of a resource (or
// --all). The containers stay where they are, not running; asks first.

import { defineVerb } from '../../run/types.js';
import {
  CHANGE_OPTIONS,
  type ChangeInput,
  changePlan,
  DEPLOYMENT_ARG,
  INSTANCES_ARG,
} from './change.js';

export const verb = defineVerb<ChangeInput>({
  effect: 'destructive',
  args: [DEPLOYMENT_ARG, INSTANCES_ARG],
  options: CHANGE_OPTIONS,
  description: `The instances are checked against the deployment before anything is sent: an
unknown name is exit 3. --all uses ECE's every-instance operation.`,
  examples: [
    'ece deployments instances stop prod-logs instance-0000000001 --yes',
    'ece deployments instances stop prod-logs --kind kibana --all --yes',
    'ece deployments instances stop prod-logs instance-0000000001 --dry-run',
  ],
  plan: (input, ctx) => changePlan(input, 'stop', ctx),
});
