// Everything a test makes outside itself, and its removal: temporary
// directories and child processes. Each is removed when the test that made it
// ends (pass `t`: `t.after` does it) and, whatever happens, when the test
// file's process exits — a failed assertion or a thrown set-up never leaves a
// directory in the run's TMPDIR or a child alive (scripts/run-tests.mjs checks
// both at the end of the run).

import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What `t` must offer: node:test's TestContext and SuiteContext both do. */
export interface After {
  after(fn: () => void | Promise<void>): void;
}

const dirs = new Set<string>();
const children = new Set<ChildProcess>();
const others = new Set<() => void>();

process.on('exit', () => {
  for (const stop of others) stop();
  for (const child of children) killTree(child);
  for (const dir of dirs) removeDir(dir);
});

/** Something else to end when the file's process exits (a tmux server); returns its remover. */
export function atExit(stop: () => void): () => void {
  others.add(stop);
  return () => others.delete(stop);
}

/** A fresh directory under the run's TMPDIR, removed when `t` ends (or the file's process exits). */
export function tempDir(prefix = 'ece-test-', t?: After): string {
  return adopt(mkdtempSync(join(tmpdir(), prefix)), t);
}

/** A directory something else made for the test (a CA file's), removed like tempDir's. */
export function adopt(dir: string, t?: After): string {
  dirs.add(dir);
  t?.after(() => removeDir(dir));
  return dir;
}

/** Removes a directory made by tempDir now (a run's own home, once the run is over). */
export function removeDir(dir: string): void {
  dirs.delete(dir);
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // A test made part of it read-only (the read-only cache and config cases):
    // give the owner its rights back, then remove.
    makeWritable(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

function makeWritable(path: string): void {
  try {
    chmodSync(path, 0o700);
    for (const e of readdirSync(path, { withFileTypes: true }))
      if (e.isDirectory()) makeWritable(join(path, e.name));
  } catch {
    // not ours to fix: rmSync reports what is left
  }
}

/** Keeps a child to be killed (with its process group when it leads one) if it outlives its test. */
export function trackChild(child: ChildProcess, t?: After): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
  t?.after(() => killTree(child));
}

function killTree(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    // A detached child leads its own group: its daemons go with it.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
