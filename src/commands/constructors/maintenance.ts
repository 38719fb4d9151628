// `ece constructors maintenance <id> on|off`: the state word right after the
// constructor, as every on/off verb has it; `maintenance on <id>` is accepted
// too. While a constructor is in maintenance mode no plan in the
// installation makes progress, so turning it on asks first (--yes skips
// that); turning it off never does.

import { constructorMaintenance, getConstructor } from '../../api/infrastructure.js';
import { STATE_ARG, targetAndState } from '../run/on-off.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb<{ id: string; on: boolean }>({
  effect: 'destructive',
  effectOf: ({ on }) => (on ? 'destructive' : 'write'),
  args: [{ name: 'id', description: 'constructor id (ece constructors list)' }, STATE_ARG],
  description: `In maintenance mode a constructor places no instances: plans wait until it is
turned off again.`,
  examples: [
    'ece constructors maintenance 192.168.44.10 on --yes',
    'ece constructors maintenance 192.168.44.10 off',
  ],
  input(raw) {
    const { target, on } = targetAndState(raw, 'id');
    return { id: target, on };
  },
  async plan({ id, on }, ctx) {
    // A missing constructor is exit 3 before anything is asked.
    await getConstructor(await ctx.api(), id);
    return {
      writes: [constructorMaintenance(id, on)],
      confirm: `Put constructor ${id} in maintenance mode? Plans stop making progress until it is off.`,
      done: `Maintenance mode ${on ? 'on' : 'off'} for constructor ${id}.`,
    };
  },
});
