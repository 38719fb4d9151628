// One test file inside a batch of the fast tier (scripts/run-tests.mjs,
// docs/testing.md): its tests in a describe() named after it, so that its
// before/after hooks stay its own, and a check when it ends that it left the
// process as it found it. The next file of the batch runs in the same
// process: an environment variable set, or Date still on a mock clock, would
// change what that file sees, so either fails this file, by name, and is put
// back for the next.

import { after, before, describe, mock } from 'node:test';

const RealDate = Date;

export function testFile(name, url) {
  describe(name, async () => {
    // A batch imports all its files before it runs any: what the process
    // holds is read when this file starts (the first of its before hooks).
    let env = {};
    before(() => {
      env = { ...process.env };
    });
    await import(url);
    // Registered after the file's own hooks, so it runs after them.
    after(() => {
      const changed = [...new Set([...Object.keys(env), ...Object.keys(process.env)])].filter(
        (k) => env[k] !== process.env[k],
      );
      const problems = [
        ...(changed.length > 0 ? [`changed process.env (${changed.sort().join(', ')})`] : []),
        ...(globalThis.Date !== RealDate
          ? ['left Date on a mock clock (mock.timers.reset())']
          : []),
      ];
      // Put back, so that the failure stays this file's, not the next one's.
      for (const k of changed)
        if (env[k] === undefined) delete process.env[k];
        else process.env[k] = env[k];
      if (globalThis.Date !== RealDate) mock.timers.reset();
      if (problems.length > 0)
        throw new Error(
          `${name} ${problems.join(' and ')}: the next file of its batch runs in the same process`,
        );
    });
  });
}
