// node:assert/strict for every test, except that ok() and assert() never
// quote the failing expression from the source. To quote it, Node re-reads
// the test file and parses it as JavaScript, which TypeScript is not: it
// keeps reading and re-parsing to the end of the file and a failing
// `assert.ok(x)` took four minutes of CPU before it reported (seen in CI and
// in test/sandbox/lifecycle.test.ts). With a message of our own it is instant.

import strict from 'node:assert/strict';
import { inspect } from 'node:util';

function ok(value: unknown, message?: string | Error): asserts value {
  strict.ok(value, message ?? `expected a truthy value, got ${inspect(value)}`);
}

const assert: typeof strict = Object.assign(ok, strict, { ok }) as typeof strict;
export default assert;
