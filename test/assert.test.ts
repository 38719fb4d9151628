// The tests' assert (test/helpers/assert.ts): a failing ok() reports at once,
// and every test file uses it rather than node:assert directly.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import assert from './helpers/assert.js';

// The sources, from the repository's root (where npm test runs): the fast tier
// runs a compiled copy of this file, whose own folder holds .js files.
const TEST = resolve('test');

describe('the tests’ assert', () => {
  it('ok() and assert() fail with the value, not a quote of the source', () => {
    assert.throws(() => assert.ok(0), {
      name: 'AssertionError',
      message: 'expected a truthy value, got 0',
    });
    assert.throws(() => assert(''), { message: "expected a truthy value, got ''" });
    assert.throws(() => assert.ok(false, 'own message'), { message: 'own message' });
    assert.doesNotThrow(() => assert.ok(1));
    assert.equal(assert.strictEqual, assert.equal, 'the rest is node:assert/strict');
  });

  it('every test file imports it, not node:assert', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) =>
        statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)],
      );
    const direct = walk(TEST)
      .filter((f) => f.endsWith('.ts') && !f.endsWith(join('helpers', 'assert.ts')))
      .filter((f) => /^import .* from 'node:assert/m.test(readFileSync(f, 'utf8')));
    assert.deepEqual(direct, []);
  });
});
