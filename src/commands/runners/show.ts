// `ece runners show <runner>`: one runner, its roles and containers.

import { getRunner } from '../../api/runners.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { detailColumns } from './columns.js';

export const verb = defineVerb<{ runner: string }>({
  effect: 'read',
  args: [{ name: 'runner', description: 'runner id (the host IP ECE shows)' }],
  examples: [
    'ece runners show 192.168.44.10',
    "ece runners show 192.168.44.10 --json | jq '.roles[].role_name'",
  ],
  async plan({ runner }, ctx) {
    const res = await getRunner(await ctx.api(), runner);
    return { output: { body: res, view: fieldsView(detailColumns) } };
  },
});
