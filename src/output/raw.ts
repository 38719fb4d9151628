// The view for bodies that are only ever printed as they are (JSON, YAML,
// --query): kept apart from render.ts so that importing it loads nothing.

import type { View } from './render.js';

export const RAW: View = {
  emptyNote: '',
  isEmpty: () => false,
  grid: () => ({ headers: [], rows: [] }),
};
