// Lazy verbs: a group's help loads none of the verbs declared on the command
// model (each is its own chunk in dist/, named after its file); running a
// verb, or asking for its help, loads that one. Observed in the built
// binary through a --require hook that lists the chunks loaded.

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { BIN, baseEnv, spawnProc } from '../helpers/e2e.js';

const dir = tempDir('ece-lazy-');
after(() => rmSync(dir, { recursive: true, force: true }));
const hook = join(dir, 'hook.cjs');
writeFileSync(
  hook,
  `const M = require('node:module');
const load = M._load;
const seen = new Set();
M._load = function (request, parent) {
  const out = load.apply(this, arguments);
  try { seen.add(M._resolveFilename(request, parent)); } catch {}
  return out;
};
process.on('exit', () => {
  const chunks = [...seen].filter((f) => f.includes('/dist/chunks/')).map((f) => f.split('/').pop());
  process.stderr.write('CHUNKS ' + chunks.join(' ') + '\\n');
});
`,
);

async function chunks(argv: string[]): Promise<string[]> {
  const r = await spawnProc(process.execPath, ['--require', hook, BIN, ...argv], {
    env: baseEnv(),
    exactEnv: true,
  });
  assert.equal(r.code, 0, r.stderr);
  const line = r.stderr.split('\n').find((l) => l.startsWith('CHUNKS ')) ?? '';
  return line.slice('CHUNKS '.length).split(' ');
}

const DECLARED = /^(list|show|shutdown|restart|stop|start)-/;

describe('lazy verbs', () => {
  it('ece deployments --help loads no declared verb; a verb’s help loads only it', async () => {
    assert.deepEqual(
      (await chunks(['deployments', '--help'])).filter((c) => DECLARED.test(c)),
      [],
    );
    const one = (await chunks(['deployments', 'shutdown', '--help'])).filter((c) =>
      DECLARED.test(c),
    );
    assert.equal(one.length, 1, one.join(' '));
    assert.match(one[0] ?? '', /^shutdown-/);
    const viaHelp = (await chunks(['help', 'deployments', 'restart'])).filter((c) =>
      DECLARED.test(c),
    );
    assert.deepEqual(
      viaHelp.map((c) => c.split('-')[0]),
      ['restart'],
    );
  });
});
