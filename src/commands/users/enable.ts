// `ece users enable NAME`: see enabled.ts.

import { defineVerb } from '../run/types.js';
import { NAME_ARG } from './columns.js';
import { enabledPlan } from './enabled.js';

export const verb = defineVerb<{ name: string }>({
  effect: 'write',
  args: [NAME_ARG],
  examples: ['ece users enable jdoe'],
  plan: ({ name }, ctx) => enabledPlan(name, true, ctx),
});
