// `ece platform config-store show <name>`: one option; --json is the body.

import { getConfigStoreOption } from '../../../api/platform-config.js';
import { fieldsView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { columns, NAME_ARG } from './value.js';

export const verb = defineVerb<{ name: string }>({
  effect: 'read',
  args: [NAME_ARG],
  examples: [
    'ece platform config-store show my-option',
    'ece platform config-store show my-option --query value',
  ],
  async plan({ name }, ctx) {
    const res = await getConfigStoreOption(await ctx.api(), name);
    return { output: { body: res, view: fieldsView(columns) } };
  },
});
