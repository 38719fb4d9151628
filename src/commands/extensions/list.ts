// `ece extensions list`: the plugins and bundles registered with ECE.

import { listExtensions } from '../../api/extensions.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { columns } from './columns.js';
import type { Extension } from './resolve.js';

export const verb = defineVerb({
  effect: 'read',
  examples: [
    'ece extensions list',
    'ece extensions list --json | jq -r \'.extensions[] | select(.extension_type=="bundle") | .id\'',
  ],
  async plan(_input, ctx) {
    const res = await listExtensions(await ctx.api());
    return {
      output: {
        body: res,
        view: listView<Extension>(
          (d) => (d as { extensions?: Extension[] }).extensions,
          columns,
          'No extensions.',
        ),
      },
    };
  },
});
