// Safe files in the config directory, for the config and the
// --insecure-storage credentials file alike:
// - the directory is made 0700 whatever the umask, and one that another
//   user owns or that group or others can write is refused (exit 1);
// - every read-modify-write runs under an exclusive lock file (O_EXCL),
//   broken when its holder is gone or it is older than STALE_MS; a writer
//   that waits LOCK_WAIT_MS for it gives up with a clear error (exit 1);
// - a write goes to a temporary file created with O_EXCL|O_NOFOLLOW (never a
//   file or symlink someone planted), is synced, then renamed over the old
//   one; the temporary file is removed on every failure.

import {
  chmodSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname } from 'node:path';
import { CliError } from '../errors.js';

export const LOCK_WAIT_MS = 5_000;
export const STALE_MS = 30_000;

const EXCL =
  constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);

/** Creates the directory 0700, or checks that an existing one is private to this user. */
export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dirname(dir), { recursive: true, mode: 0o700 });
  } catch (err) {
    throw fileError(err, dir, 'create');
  }
  try {
    // Not recursive: this call must be the one that made it, to set its mode.
    mkdirSync(dir, { mode: 0o700 });
    // mkdir's mode passes through the umask; say it once more, exactly.
    chmodPrivate(dir);
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(err, dir, 'create');
  }
  checkPrivateDir(dir);
}

function chmodPrivate(dir: string): void {
  chmodSync(dir, 0o700);
}

/** Refuses a directory someone else could write to or owns (exit 1). */
export function checkPrivateDir(dir: string): void {
  if (process.platform === 'win32') return;
  let st: import('node:fs').Stats;
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

/** Writes `text` to `file` atomically, mode 0600, through a fresh O_EXCL temporary file. */
export function writeFileAtomic(file: string, text: string): void {
  // O_EXCL is what makes it safe; the random part only keeps planted names from blocking a write.
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, EXCL, 0o600);
  } catch (err) {
    throw fileError(err, file, 'write');
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to remove
    }
    throw fileError(err, file, 'write');
  }
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
  const why =
    e.code === 'ENOSPC'
      ? 'the disk is full'
      : e.code === 'EACCES' || e.code === 'EPERM'
        ? 'permission denied'
        : e.code === 'EROFS'
          ? 'read-only file system'
          : (e.code ?? e.message);
  return new CliError(
    `cannot ${verb} ${path} (${why}); check the permissions of its directory or set ECE_CONFIG_DIR`,
  );
}
