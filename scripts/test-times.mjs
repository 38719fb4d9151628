// A node:test reporter that adds up, per file, the time of its top-level
// tests and suites, and writes the slowest files last: how to find what makes
// the suite slow (`ECE_TEST_TIMES=1 npm test`, docs/testing.md).

export default async function* times(source) {
  const perFile = new Map();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { file, name, nesting, details } = event.data;
    if (nesting !== 0 || !file) continue;
    // A batch of the fast tier (scripts/run-tests.mjs): one describe() per file, named after it.
    // Node 24 gives the batch's entry as the file, Node 20 the module that called describe().
    const key = /(\/batches\/batch-\d+|\/scripts\/test-batch)\.mjs$/.test(file) ? name : file;
    perFile.set(key, (perFile.get(key) ?? 0) + (details?.duration_ms ?? 0));
  }
  const rows = [...perFile].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((n, [, ms]) => n + ms, 0);
  yield `\n${rows.length} files, ${(total / 1000).toFixed(1)} test-seconds; the slowest:\n`;
  for (const [file, ms] of rows.slice(0, 25))
    yield `${(ms / 1000).toFixed(1).padStart(7)} s  ${file.replace(`${process.cwd()}/`, '')}\n`;
}
