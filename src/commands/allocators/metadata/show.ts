// `ece allocators metadata show <allocator>`: KEY VALUE rows; --json is ECE's list.

import { getAllocatorMetadata } from '../../../api/allocators.js';
import { defineVerb } from '../../run/types.js';
import { metadataView } from './view.js';

export const verb = defineVerb<{ allocator: string }>({
  effect: 'read',
  args: [{ name: 'allocator', description: 'allocator id' }],
  description: `Piped: one "key<TAB>value" line per item. --json prints ECE's list.`,
  examples: [
    'ece allocators metadata show 192.168.44.10',
    'ece allocators metadata show 192.168.44.10 --json',
  ],
  async plan({ allocator }, ctx) {
    const res = await getAllocatorMetadata(await ctx.api(), allocator);
    return { output: { body: res, view: metadataView } };
  },
});
