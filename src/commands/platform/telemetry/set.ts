// `ece platform telemetry set on|off`: a write (the other word undoes it).
// The spec's 409 here is not a version (there is none): two first writes
// raced to create the setting, and running again is the cure.

import { setTelemetryRequest } from '../../../api/platform-config.js';
import { parseState, STATE_ARG } from '../../run/on-off.js';
import { defineVerb } from '../../run/types.js';

export const verb = defineVerb<{ on: boolean }>({
  effect: 'write',
  args: [STATE_ARG],
  examples: ['ece platform telemetry set off', 'ece platform telemetry set on --dry-run'],
  input: (raw) => ({ on: parseState(String(raw.state)) }),
  async plan({ on }) {
    return {
      writes: [setTelemetryRequest(on)],
      hint: (err) =>
        err.errors.some((e) => e.code === 'telemetry.already_exists')
          ? 'another request created the setting at the same time: run the command again'
          : undefined,
      done: `Telemetry is ${on ? 'on' : 'off'}.`,
    };
  },
});
