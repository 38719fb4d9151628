// Streams held in memory, for running commands without a terminal: the
// reference-docs generator and the tests. Apart from iostreams.ts so that the
// start-up path does not load node:stream for it.

import { Readable } from 'node:stream';
import type { IOStreams } from './iostreams.js';

export interface MemoryIOOptions {
  out?: (s: string) => void;
  err?: (s: string) => void;
  stdin?: string;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** A terminal on stdin: a question is answered with `stdin` (as typed). */
  stdinIsTTY?: boolean;
  columns?: number;
}

export function memoryIO(o: MemoryIOOptions = {}): IOStreams {
  return {
    stdout: { write: (s: string | Uint8Array) => o.out?.(text(s)) },
    stderr: { write: (s: string | Uint8Array) => o.err?.(text(s)) },
    stdin: Readable.from(o.stdin === undefined ? [] : [o.stdin]),
    stdoutIsTTY: o.stdoutIsTTY === true,
    stderrIsTTY: o.stderrIsTTY === true,
    stdinIsTTY: o.stdinIsTTY === true,
    columns: o.columns ?? 80,
  };
}

function text(s: string | Uint8Array): string {
  return typeof s === 'string' ? s : Buffer.from(s).toString('utf8');
}
