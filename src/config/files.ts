// Safe files in the config directory, for the config and the
// --insecure-storage credentials file alike:
// - the directory is made 0700 whatever the umask, and one that another
//   user owns or that group or others can write is refused (exit 1);
// - every read-modify-write runs under an exclusive lock file (O_EXCL),
//   broken when its holder is gone or it is older than STALE_MS; a writer
//   that waits LOCK_WAIT_MS for it gives up with a clear error (exit 1);
// - a write goes through the one writer of local files (src/localfile.ts):
//   a random temporary name, O_EXCL|O_NOFOLLOW, 0600, renamed over the old;
// - what ece reads its settings from (the directory, config.json,
//   credentials.json) passes the same checks as what it writes: owned by
//   this user and not writable by group or others, else refused (exit 1)
//   before anything is read or sent.

import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename } from 'node:path';
import { CliError } from '../errors.js';
import { writeFileAtomic as writeLocalFile } from '../localfile.js';
import { MakeDirError, makeDirs } from '../mkdir.js';

export const LOCK_WAIT_MS = 5_000;
export const STALE_MS = 30_000;

const EXCL =
  constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);

/** Creates the directory 0700, or checks that an existing one is private to this user. */
export function ensurePrivateDir(dir: string): void {
  let made: string[];
  try {
    made = makeDirs(dir);
  } catch (err) {
    if (!(err instanceof MakeDirError)) throw err;
    const e = new CliError(
      `cannot create the config directory ${dir} (${err.path}: ${reason(err.code)}); set ECE_CONFIG_DIR to a directory of your own`,
    );
    throw e;
  }
  try {
    // mkdir's mode passes through the umask; say it once more, exactly.
    for (const p of made) chmodSync(p, 0o700);
  } catch (err) {
    throw fileError(err, dir, 'create');
  }
  if (!made.includes(dir)) checkPrivateDir(dir);
}

/** Refuses a directory someone else could write to or owns (exit 1). */
export function checkPrivateDir(dir: string): void {
  if (process.platform === 'win32') return;
  let st: Stats;
  try {
    st = statSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileError(err, dir, 'read');
  }
  if (!st.isDirectory())
    throw new CliError(`${dir} is not a directory; set ECE_CONFIG_DIR or move it away`);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw new CliError(
      `the config directory ${dir} belongs to another user (uid ${st.uid}); ece keeps its settings and secrets only in a directory of your own (set ECE_CONFIG_DIR)`,
    );
  }
  if ((st.mode & 0o022) !== 0) {
    const e = new CliError(
      `the config directory ${dir} can be written by ${st.mode & 0o002 ? 'every user' : 'its group'} (mode ${(st.mode & 0o777).toString(8)}); ece does not keep settings or secrets there`,
    );
    e.hints.push(`make it private: chmod 700 ${dir}`);
    throw e;
  }
}

/**
 * The text of a file ece reads settings or secrets from, or undefined when
 * there is none; its directory and the file itself (the one opened, so that
 * nothing can be swapped in between) must be this user's and not writable
 * by group or others (exit 1, naming it).
 */
export function readPrivateFile(file: string, dir: string, what: string): string | undefined {
  checkPrivateDir(dir);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileError(err, file, 'read');
  }
  try {
    checkPrivateFile(file, fstatSync(fd), what);
    return readFileSync(fd, 'utf8');
  } catch (err) {
    throw fileError(err, file, 'read');
  } finally {
    closeSync(fd);
  }
}

function checkPrivateFile(file: string, st: Stats, what: string): void {
  if (process.platform === 'win32') return;
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid)
    throw new CliError(
      `the ${what} ${file} belongs to another user (uid ${st.uid}); ece reads settings and secrets only from files of your own (set ECE_CONFIG_DIR)`,
    );
  if ((st.mode & 0o022) !== 0) {
    const e = new CliError(
      `the ${what} ${file} can be written by ${st.mode & 0o002 ? 'every user' : 'its group'} (mode ${(st.mode & 0o777).toString(8)}); ece does not read settings or secrets from it`,
    );
    e.hints.push(`make it private: chmod 600 ${file}`);
    throw e;
  }
}

/**
 * Runs `fn` holding the lock of `file` (`file.lock`, made with O_EXCL).
 * Synchronous on purpose: the critical section is a read, a change and a write.
 */
export function withLock<T>(file: string, fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + waitMs;
  let fd: number | undefined;
  let delay = 2;
  for (;;) {
    try {
      fd = openSync(lock, EXCL, 0o600);
      writeSync(fd, `${process.pid}\n`);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(err, lock, 'create');
    }
    if (breakStale(lock)) continue;
    if (Date.now() >= deadline) {
      const e = new CliError(
        `another ece is changing ${basename(file)} and did not finish within ${waitMs / 1000} s (lock file ${lock})`,
      );
      e.hints.push(`try again; if no ece is running, remove ${lock}`);
      throw e;
    }
    sleepSync(delay + Math.floor(Math.random() * delay));
    delay = Math.min(delay * 2, 50);
  }
  try {
    return fn();
  } finally {
    closeSync(fd);
    try {
      unlinkSync(lock);
    } catch {
      // Broken by someone who judged it stale: nothing left to release.
    }
  }
}

/** Removes a lock whose holder is gone or that is older than STALE_MS; true if it did. */
function breakStale(lock: string): boolean {
  let pid = Number.NaN;
  let age = 0;
  try {
    pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    age = Date.now() - lstatSync(lock).mtimeMs;
  } catch {
    return false; // gone already, or being written: try again
  }
  let alive = true;
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      alive = (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  } else alive = age < 1_000; // no pid yet: its writer is between open and write
  if (alive && age < STALE_MS) return false;
  try {
    unlinkSync(lock);
  } catch {
    // someone else broke it first
  }
  return true;
}

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(SLEEPER, 0, 0, ms);
}

/** Writes `text` to `file` through the one writer of local files (src/localfile.ts). */
export function writeFileAtomic(file: string, text: string): void {
  writeLocalFile(file, text, (err) => fileError(err, file, 'write'));
}

/** The file's text, or undefined when there is none. */
export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileError(err, file, 'read');
  }
}

export function fileError(err: unknown, path: string, verb: 'create' | 'read' | 'write'): CliError {
  if (err instanceof CliError) return err;
  const e = err as NodeJS.ErrnoException;
  const why = reason(e.code ?? e.message);
  return new CliError(
    `cannot ${verb} ${path} (${why}); check the permissions of its directory or set ECE_CONFIG_DIR`,
  );
}

function reason(code: string): string {
  const why: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'not a directory',
  };
  return why[code] ?? code;
}
