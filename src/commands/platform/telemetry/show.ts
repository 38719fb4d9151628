// `ece platform telemetry show`: on or off; --json is the body ({"enabled": …}).

import { getTelemetry } from '../../../api/platform-config.js';
import { fieldsView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';

export const verb = defineVerb({
  effect: 'read',
  examples: ['ece platform telemetry show', 'ece platform telemetry show --query enabled'],
  async plan(_input, ctx) {
    const res = await getTelemetry(await ctx.api());
    return {
      output: {
        body: res,
        view: fieldsView<{ enabled?: boolean }>([['ENABLED', (d) => d.enabled]]),
      },
    };
  },
});
