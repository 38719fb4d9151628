// The one writer of local files: the config and credentials files, dumps
// written with -O, the sandbox's CA certificate. A file is written whole or
// not at all, readable by its owner only:
// - the bytes go to a temporary file beside the target, with a random name
//   (`.NAME.RANDOM.tmp`), created with O_CREAT|O_EXCL|O_NOFOLLOW and mode
//   0600: a file or symlink someone planted in a shared directory is never
//   opened, whatever name they guessed (a taken name is tried again with a
//   new random part);
// - it is synced, then renamed over the target. rename() replaces the
//   target's directory entry and never follows it: a symlink planted at the
//   final path is replaced by the file, and what it pointed to is left alone;
// - on any failure, and on SIGTERM (main.ts), the temporary file is removed.
// Errors are the system's; each caller says them in its own words.

import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

const CREATE =
  constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);

/** New names tried when one is taken (only someone guessing them takes one). */
const TRIES = 5;

/** The random part of a temporary name; replaceable by tests that plant a file at the name. */
export const naming = {
  random: (): string =>
    process.getBuiltinModule('node:crypto').randomBytes(9).toString('base64url'),
};

/** Temporary files being written: what SIGTERM removes before the process ends. */
const pending = new Set<string>();

/** Removes every temporary file still being written (synchronous: called on the way out). */
export function removeTemporaryFiles(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // gone already
    }
  }
  pending.clear();
}

/** Maps a system error of the writer to the caller's error (the file named is the target). */
export type WriteErrorMap = (err: unknown, file: string) => Error;

const asIs: WriteErrorMap = (err) => err as Error;

export class AtomicFile {
  private readonly tmp: string;
  private fd: number | undefined;
  size = 0;

  constructor(
    readonly file: string,
    private readonly fail: WriteErrorMap = asIs,
  ) {
    let tmp = '';
    for (let tries = 1; ; tries++) {
      tmp = join(dirname(file), `.${basename(file)}.${naming.random()}.tmp`);
      try {
        this.fd = openSync(tmp, CREATE, 0o600);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || tries === TRIES)
          throw fail(err, file);
      }
    }
    this.tmp = tmp;
    pending.add(tmp);
    try {
      // The umask may take bits away from 0600; say it exactly.
      fchmodSync(this.fd, 0o600);
    } catch (err) {
      this.abort();
      throw fail(err, file);
    }
  }

  write(chunk: Uint8Array | string): void {
    if (this.fd === undefined) return;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    try {
      for (let done = 0; done < bytes.byteLength; )
        done += writeSync(this.fd, bytes, done, bytes.byteLength - done);
      this.size += bytes.byteLength;
    } catch (err) {
      this.abort();
      throw this.fail(err, this.file);
    }
  }

  /** Syncs, closes and renames over the target; the number of bytes written. */
  commit(): number {
    if (this.fd === undefined) return this.size;
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      renameSync(this.tmp, this.file);
      pending.delete(this.tmp);
    } catch (err) {
      this.abort();
      throw this.fail(err, this.file);
    }
    return this.size;
  }

  /** Closes and removes the temporary file; the target is left as it was. */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // closing is all that is left to do
      }
    }
    this.fd = undefined;
    try {
      unlinkSync(this.tmp);
    } catch {
      // never made, or gone already
    }
    pending.delete(this.tmp);
  }
}

/** Writes `data` to `file` through an AtomicFile; its size. */
export function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  fail: WriteErrorMap = asIs,
): number {
  const f = new AtomicFile(file, fail);
  f.write(data);
  return f.commit();
}

/**
 * A log kept open and added to (`ece mcp --log`), where whole-or-nothing
 * does not fit, under the same rules: created 0600 (and made 0600 if it was
 * not), never opened through a symlink, and only a regular file (a FIFO or
 * device planted at the name is refused, without waiting for a reader). The
 * descriptor, opened for appending; the caller closes it.
 */
export function openPrivateLog(file: string, fail: WriteErrorMap = asIs): number {
  let fd: number;
  try {
    fd = openSync(
      file,
      constants.O_WRONLY |
        constants.O_APPEND |
        constants.O_CREAT |
        (constants.O_NOFOLLOW ?? 0) |
        (constants.O_NONBLOCK ?? 0),
      0o600,
    );
  } catch (err) {
    throw fail(err, file);
  }
  try {
    if (!fstatSync(fd).isFile())
      throw Object.assign(new Error('not a regular file'), { code: 'EINVAL' });
    fchmodSync(fd, 0o600);
  } catch (err) {
    closeSync(fd);
    throw fail(err, file);
  }
  return fd;
}
