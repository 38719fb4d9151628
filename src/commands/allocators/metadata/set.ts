// `ece allocators metadata set <allocator> <key> <value>`: adds or replaces one item.

import { setMetadataItemRequest } from '../../../api/allocators.js';
import { UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import { metadataView } from './view.js';

export const verb = defineVerb<{ allocator: string; key: string; value: string }>({
  effect: 'write',
  args: [
    { name: 'allocator', description: 'allocator id' },
    { name: 'key', description: 'metadata key' },
    { name: 'value', description: 'metadata value (not empty)' },
  ],
  description: "Prints the allocator's metadata as ECE answers it after the change.",
  examples: [
    'ece allocators metadata set 192.168.44.10 rack r7',
    'ece allocators metadata set 192.168.44.10 ssd true --dry-run',
  ],
  input(raw) {
    const input = raw as { allocator: string; key: string; value: string };
    if (input.key.trim() === '') throw new UsageError('the metadata key is empty');
    if (input.value === '')
      throw new UsageError('the metadata value is empty (delete the key instead)');
    return input;
  },
  plan: async ({ allocator, key, value }) => ({
    writes: [setMetadataItemRequest(allocator, key, value)],
    output: (sent) => ({ body: sent[0] ?? '', view: metadataView }),
  }),
});
