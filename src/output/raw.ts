// The view for bodies that are only ever printed as they are (JSON, YAML,
// --query): kept apart from render.ts so that importing it loads nothing.

import type { IOStreams } from './iostreams.js';
import { sanitizeText } from './sanitize.js';
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

/**
 * A body from the network as `ece api` and `deployments es` print it: to a
 * pipe or a file the bytes as they came; to a terminal with its control
 * characters and bidi overrides made visible (line breaks and tabs kept), so
 * that a server cannot retitle, recolour or rewrite the user's terminal.
 */
export function forTerminal(io: IOStreams, body: string | Uint8Array): string | Uint8Array {
  if (!io.stdoutIsTTY) return body;
  return sanitizeText(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
}
