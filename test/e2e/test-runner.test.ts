// The fast tier's batches (scripts/test-batch.mjs, docs/testing.md): files
// that share a process each run inside a describe() of their own, and one
// that leaves process.env changed or Date on a mock clock fails by name,
// since the next file of its batch would see it. The batch runs as the runner
// starts one: `node --test` on its entry file, in a process of its own.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { spawnProc } from '../helpers/e2e.js';

const BATCH = new URL('../../scripts/test-batch.mjs', import.meta.url).href;

const FILES: Record<string, string> = {
  'clean.test.mjs': `import { after, it } from 'node:test';
let n = 0;
after(() => { if (n !== 1) throw new Error('the after hook ran before the test'); });
it('counts', () => { n++; });`,
  'env.test.mjs': `import { it } from 'node:test';
it('sets a variable and leaves it', () => { process.env.ECE_TEST_LEAK = 'x'; });`,
  'date.test.mjs': `import { it, mock } from 'node:test';
it('mocks Date and does not reset it', () => { mock.timers.enable({ apis: ['Date'] }); });`,
  'tidy.test.mjs': `import { after, it, mock } from 'node:test';
it('mocks Date', () => { mock.timers.enable({ apis: ['Date'] }); });
after(() => mock.timers.reset());`,
};

describe('a batch of the fast tier', () => {
  it('runs each file in a describe() of its own; a file that leaves the process changed fails, by name', async (t) => {
    const dir = tempDir('ece-batch-', t);
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    const entry = join(dir, 'batch-01.mjs');
    writeFileSync(
      entry,
      `import { testFile } from ${JSON.stringify(BATCH)};\n${Object.keys(FILES)
        .map(
          (f) =>
            `testFile(${JSON.stringify(f)}, ${JSON.stringify(pathToFileURL(join(dir, f)).href)});`,
        )
        .join('\n')}\n`,
    );
    // What each file came to, as JSON lines from a reporter of the test's own.
    writeFileSync(
      join(dir, 'reporter.mjs'),
      `export default async function* (source) {
  for await (const { type, data } of source)
    if ((type === 'test:pass' || type === 'test:fail') && data.nesting === 0)
      yield JSON.stringify([data.name, type === 'test:pass' ? 'pass' : String(data.details.error?.cause?.message)]) + '\\n';
}\n`,
    );
    // A run of its own (spawnProc's environment holds no NODE_TEST_CONTEXT), as the runner starts one.
    const r = await spawnProc(process.execPath, [
      '--test',
      `--test-reporter=${join(dir, 'reporter.mjs')}`,
      entry,
    ]);
    assert.equal(r.code, 1, r.stderr);
    const outcome = Object.fromEntries(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as [string, string]),
    );
    assert.deepEqual(outcome, {
      'clean.test.mjs': 'pass',
      'env.test.mjs':
        'env.test.mjs changed process.env (ECE_TEST_LEAK): the next file of its batch runs in the same process',
      'date.test.mjs':
        'date.test.mjs left Date on a mock clock (mock.timers.reset()): the next file of its batch runs in the same process',
      'tidy.test.mjs': 'pass',
    });
  });
});
