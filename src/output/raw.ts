// The view for bodies that are only ever printed as they are (JSON, YAML,
// --query): kept apart from render.ts so that importing it loads nothing.

import type { IOStreams } from './iostreams.js';
import type { View } from './views.js';

export const RAW: View = {
  emptyNote: '',
  isEmpty: () => false,
  grid: () => ({ headers: [], rows: [] }),
};

/**
 * A body exactly as received, ending in exactly one newline: one is added
 * when the body has none (a pipe needs it as much as a terminal).
 */
export function writeExact(io: IOStreams, body: string | Uint8Array): void {
  if (body.length === 0) return;
  if (typeof body === 'string') {
    io.stdout.write(body.endsWith('\n') ? body : `${body}\n`);
    return;
  }
  const out = body.length > 0 && body[body.length - 1] === 0x0a ? body : Buffer.concat([body, NL]);
  io.stdout.write(out);
}

const NL = Buffer.from('\n');
