// `ece users disable NAME`: see enabled.ts. A write, not destructive: `users
// enable` undoes it, and the user's settings and API keys stay.

import { defineVerb } from '../run/types.js';
import { NAME_ARG } from './columns.js';
import { enabledPlan } from './enabled.js';

export const verb = defineVerb<{ name: string }>({
  effect: 'write',
  args: [NAME_ARG],
  examples: ['ece users disable jdoe', 'ece users list --include-disabled'],
  plan: ({ name }, ctx) => enabledPlan(name, false, ctx),
});
