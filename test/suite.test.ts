// The suite's own rules (docs/testing.md), read from the test files:
// - the fast tier (every file outside test/e2e/) starts no process: neither it
//   nor a helper it imports reaches node:child_process or the process helpers,
//   save helpers/shell.ts (a dry run's curl line);
// - a wall-clock bound goes through helpers/time.ts, never `Date.now() - x`;
// - temporary directories come from tempDir (helpers/temp.ts), which removes them.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import assert from './helpers/assert.js';
import { specifiers } from './helpers/imports.js';

const TEST = resolve('test');
const E2E = join(TEST, 'e2e');
const HELPERS = join(TEST, 'helpers');
/** Modules that start processes: only the process tier may reach them. */
const PROCESS = new Set([
  'node:child_process',
  'child_process',
  join(HELPERS, 'e2e.ts'),
  join(HELPERS, 'keyring.ts'),
  join(HELPERS, 'tmux.ts'),
]);
/** The fast tier's doors to a process, each for a reason docs/testing.md gives. */
const DOORS = new Set([join(HELPERS, 'shell.ts'), join(HELPERS, 'temp.ts')]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.ts$/.test(e.name) ? [p] : [];
  });
}

const SELF = join(TEST, 'suite.test.ts');
// This file names the patterns it looks for: it is not read as a test file.
const all = files(TEST).filter((f) => f !== SELF);
const source = new Map(all.map((f) => [f, readFileSync(f, 'utf8')]));

/** The modules a test file imports: absolute .ts paths under test/, or node: names. */
function imports(file: string): string[] {
  const text = source.get(file) ?? '';
  return specifiers(text).flatMap((s) => {
    if (!s.startsWith('.')) return [s];
    const target = resolve(join(file, '..'), s).replace(/\.js$/, '.ts');
    return target.startsWith(`${TEST}/`) ? [target] : [];
  });
}

/** The import chain from `file` to a process module, if there is one. */
function pathToProcess(file: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const target of imports(file)) {
    if (DOORS.has(target)) continue;
    if (PROCESS.has(target)) return [target];
    if (!target.startsWith('/')) continue;
    const rest = pathToProcess(target, seen);
    if (rest) return [target, ...rest];
  }
  return undefined;
}

const show = (p: string) => (p.startsWith('/') ? relative(TEST, p) : p);

describe('the test suite', () => {
  it('a fast-tier file starts no process: nothing outside test/e2e/ reaches child_process', () => {
    const fast = all.filter((f) => f.endsWith('.test.ts') && !f.startsWith(`${E2E}/`));
    assert.ok(fast.length > 50, `only ${fast.length} fast-tier files`);
    const wrong = fast.flatMap((f) => {
      const chain = pathToProcess(f);
      return chain ? [`${show(f)} → ${chain.map(show).join(' → ')}`] : [];
    });
    assert.deepEqual(wrong, [], 'move the case that needs a process to test/e2e/');
  });

  it('knows a file that spawns when it sees one', () => {
    const file = join(TEST, 'fake.test.ts');
    source.set(file, "import { ece } from './helpers/e2e.js';\n");
    try {
      assert.deepEqual(pathToProcess(file), [join(HELPERS, 'e2e.ts')]);
    } finally {
      source.delete(file);
    }
  });

  it('every wall-clock bound goes through helpers/time.ts', () => {
    const raw = /\b(?:Date|performance)\.now\(\)\s*(?:-\s*[A-Za-z_$]|[<>]=?)|process\.hrtime/;
    const wrong = all
      .filter((f) => f !== join(HELPERS, 'time.ts'))
      .flatMap((f) =>
        (source.get(f) ?? '')
          .split('\n')
          .map((line, i) => ({ line, at: i + 1 }))
          .filter(({ line }) => raw.test(line))
          .map(({ line, at }) => `${show(f)}:${at}: ${line.trim()}`),
      );
    assert.deepEqual(wrong, [], 'use stopwatch() or deadline() from helpers/time.ts');
    assert.ok(raw.test('assert.ok(Date.now() - started < 1000);'));
    assert.ok(raw.test('if (Date.now() > deadline) break;'));
    assert.ok(!raw.test('new Date(Date.now() - 86_400_000)'));
  });

  it('temporary directories come from tempDir, which removes them', () => {
    const wrong = all
      .filter((f) => f !== join(HELPERS, 'temp.ts'))
      .filter((f) => /\bmkdtemp(Sync)?\(/.test(source.get(f) ?? ''))
      .map(show);
    assert.deepEqual(wrong, [], 'use tempDir(prefix, t) from helpers/temp.ts');
  });
});
