// `ece platform config-store list`: every option, NAME VALUE CHANGED; --json
// is the body ({"values": […]}).

import { listConfigStore } from '../../../api/platform-config.js';
import { listView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { columns, type Option } from './value.js';

export const verb = defineVerb({
  effect: 'read',
  examples: [
    'ece platform config-store list',
    "ece platform config-store list --query 'values[?changed].name'",
  ],
  async plan(_input, ctx) {
    const res = await listConfigStore(await ctx.api());
    return {
      output: {
        body: res,
        view: listView<Option>(
          (d) => (d as { values?: Option[] }).values,
          columns,
          'No config store options.',
        ),
      },
    };
  },
});
