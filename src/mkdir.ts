// The one way ece creates directories (the config directory, the compile
// cache): one level at a time from the nearest one that exists, each made
// with its mode, never `mkdirSync(…, { recursive: true })` — Node's recursive
// mkdir spins at full CPU, deaf to SIGTERM, on a path like /proc/nope/x
// (mkdir under /proc answers ENOENT for a parent that does exist). Only
// node:fs and node:path here: dist/boot.cjs bundles this file.

import { lstatSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Directories created at most, from the nearest one that exists. */
export const MAX_CREATE = 8;

/** An error of makeDirs: which directory could not be made, and the system's code. */
export class MakeDirError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot create ${path} (${code})`);
  }
}

/**
 * Creates `dir` and the missing directories above it, each with `mode`
 * (still subject to the umask: a caller that needs the mode exactly sets it
 * after). Returns the directories this call made, the first one first. An existing
 * `dir` is left as it is.
 */
export function makeDirs(dir: string, mode = 0o700): string[] {
  const missing: string[] = [];
  for (let p = resolve(dir); !exists(p); p = dirname(p)) {
    if (missing.length === MAX_CREATE || dirname(p) === p)
      throw new MakeDirError(p, 'too many missing directories');
    missing.unshift(p);
  }
  const made: string[] = [];
  for (const p of missing) {
    try {
      mkdirSync(p, { mode });
      made.push(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      // Made by another process in between: there, but not ours to set.
      if (code !== 'EEXIST') throw new MakeDirError(p, code);
    }
  }
  return made;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    throw new MakeDirError(path, code ?? (err as Error).message);
  }
}
