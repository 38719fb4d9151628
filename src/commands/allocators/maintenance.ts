// `ece allocators maintenance <id> on|off`: the state word right after the
// allocator, as every on/off verb has it; `maintenance on <id>` (the order
// of `deployments instances maintenance` before) is accepted too.

import { maintenanceRequest } from '../../api/platform.js';
import { UsageError } from '../../errors.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb({
  effect: 'write',
  args: [
    { name: 'id', description: 'allocator id' },
    { name: 'on|off', key: 'state', description: 'on or off' },
  ],
  description: 'Turning it on twice is the same as once. The confirmation goes to stderr.',
  examples: [
    'ece allocators maintenance 192.168.44.10 on',
    'ece allocators maintenance 192.168.44.10 off --dry-run',
  ],
  input(raw) {
    let id = String(raw.id);
    let state = String(raw.state);
    if (isState(id) && !isState(state)) [id, state] = [state, id];
    return { id, on: parseState(state) };
  },
  plan: async ({ id, on }) => ({
    writes: [maintenanceRequest(id, on)],
    done: `Maintenance mode ${on ? 'on' : 'off'} for allocator ${id}.`,
  }),
});

const isState = (s: string) => s === 'on' || s === 'off';

export function parseState(state: string): boolean {
  if (!isState(state)) throw new UsageError(`invalid state "${state}": use on or off`);
  return state === 'on';
}
