// `ece platform api-base-url show`: the value; --json is the body. ECE
// answers 404 when none is configured (exit 3).

import { getApiBaseUrl } from '../../../api/platform-config.js';
import { fieldsView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';

export const verb = defineVerb({
  effect: 'read',
  examples: ['ece platform api-base-url show', 'ece platform api-base-url show --query value'],
  async plan(_input, ctx) {
    const res = await getApiBaseUrl(await ctx.api());
    return {
      output: { body: res, view: fieldsView<{ value?: string }>([['VALUE', (d) => d.value]]) },
    };
  },
});
