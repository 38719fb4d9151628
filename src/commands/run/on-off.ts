// The one argument order of on/off verbs: the state word right after the
// target it acts on (`maintenance <id> on`). The order some verbs had before
// (`maintenance on <id>`) stays accepted; "on"/"off" is never an id.

import { UsageError } from '../../errors.js';
import type { ArgSpec, Raw } from './types.js';

/** The state argument, after the target's. */
export const STATE_ARG: ArgSpec = { name: 'on|off', key: 'state', description: 'on or off' };

/** The target and the state from `raw[key]` and `raw.state`, in either order. */
export function targetAndState(raw: Raw, key: string): { target: string; on: boolean } {
  let target = String(raw[key]);
  let state = String(raw.state);
  if (isState(target) && !isState(state)) [target, state] = [state, target];
  return { target, on: parseState(state) };
}

const isState = (s: string) => s === 'on' || s === 'off';

export function parseState(state: string): boolean {
  if (!isState(state)) throw new UsageError(`invalid state "${state}": use on or off`);
  return state === 'on';
}
