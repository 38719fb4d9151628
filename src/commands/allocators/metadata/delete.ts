// `ece allocators metadata delete <allocator> <key>`: removes one item. Like
// removing a label in kubectl it does not ask: the item is one `set` away.

import { deleteMetadataItemRequest } from '../../../api/allocators.js';
import { defineVerb } from '../../run/types.js';
import { metadataView } from './view.js';

export const verb = defineVerb<{ allocator: string; key: string }>({
  effect: 'write',
  args: [
    { name: 'allocator', description: 'allocator id' },
    { name: 'key', description: 'metadata key' },
  ],
  description: "Prints the allocator's metadata as ECE answers it after the change.",
  examples: ['ece allocators metadata delete 192.168.44.10 rack'],
  plan: async ({ allocator, key }) => ({
    writes: [deleteMetadataItemRequest(allocator, key)],
    output: (sent) => ({ body: sent[0] ?? '', view: metadataView }),
  }),
});
