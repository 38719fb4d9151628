// `ece allocators maintenance <id> on|off`: the state word right after the
// allocator, as every on/off verb has it; `maintenance on <id>` (the order
// of `deployments instances maintenance` before) is accepted too.

import { maintenanceRequest } from '../../api/platform.js';
import { STATE_ARG, targetAndState } from '../run/on-off.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb({
  effect: 'write',
  args: [{ name: 'id', description: 'allocator id' }, STATE_ARG],
  description: 'Turning it on twice is the same as once. The confirmation goes to stderr.',
  examples: [
    'ece allocators maintenance 192.168.44.10 on',
    'ece allocators maintenance 192.168.44.10 off --dry-run',
  ],
  input(raw) {
    const { target, on } = targetAndState(raw, 'id');
    return { id: target, on };
  },
  plan: async ({ id, on }) => ({
    writes: [maintenanceRequest(id, on)],
    done: `Maintenance mode ${on ? 'on' : 'off'} for allocator ${id}.`,
  }),
});
