// The rows of an allocator's metadata (`metadata show`, and what set and
// delete print after the change).

import { listView } from '../../../output/views.js';

export type Item = { key: string; value: string };

export const metadataView = listView<Item>(
  (data) => data as Item[],
  [
    ['KEY', (m) => m.key],
    ['VALUE', (m) => m.value],
  ],
  'No metadata.',
);
