// `ece deployments instances maintenance <deployment> on|off [instances…]`:
// ECE's proxies stop (on) or resume (off) routing requests to the chosen
// instances. The state word right after the deployment, as every on/off verb
// has it; the old order (`maintenance on <deployment> …`) is accepted too.
// Turning it on asks first: clients lose those instances.

import { UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import {
  CHANGE_OPTIONS,
  type ChangeInput,
  changePlan,
  DEPLOYMENT_ARG,
  INSTANCES_ARG,
} from './change.js';

type MaintenanceInput = ChangeInput & { on: boolean };

export const verb = defineVerb<MaintenanceInput>({
  effect: 'destructive',
  effectOf: (input) => (input.on ? 'destructive' : 'write'),
  args: [
    DEPLOYMENT_ARG,
    {
      name: 'on|off',
      key: 'state',
      description: 'on: no traffic is routed to them; off: back in service',
    },
    INSTANCES_ARG,
  ],
  options: CHANGE_OPTIONS,
  description: `In maintenance mode an instance keeps running, but ECE's proxies route no
requests to it. --yes is needed only for "on" (without a terminal).`,
  examples: [
    'ece deployments instances maintenance prod-logs on instance-0000000001 --yes',
    'ece deployments instances maintenance prod-logs off instance-0000000001',
    'ece deployments instances maintenance prod-logs on --kind kibana --all --yes',
  ],
  input(raw) {
    let deployment = String(raw.deployment);
    let state = String(raw.state);
    // The old order: `maintenance on <deployment> [instances…]`.
    if (isState(deployment) && !isState(state)) [deployment, state] = [state, deployment];
    const s = state.toLowerCase();
    if (!isState(s)) throw new UsageError(`invalid maintenance state "${state}": use on or off`);
    return {
      deployment,
      on: s === 'on',
      instances: (raw.instances as string[] | undefined) ?? [],
      kind: raw.kind as string | undefined,
      refId: raw.refId as string | undefined,
      all: raw.all as boolean | undefined,
    };
  },
  plan: (input, ctx) => changePlan(input, input.on ? 'maintenance-on' : 'maintenance-off', ctx),
});

const isState = (s: string) => s.toLowerCase() === 'on' || s.toLowerCase() === 'off';
