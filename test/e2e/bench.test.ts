// `npm run bench -- --quick` as a check that every benchmark still runs and
// measures what it claims (same body as the baseline, every row, one
// connection) on every Node it finds, with Node's start-up variables
// cleared. Timings are never asserted: they are the bench's business.

import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import assert from '../helpers/assert.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['curl', 'jq'].filter((c) => !has(c));

describe('the benchmarks', () => {
  it('run once each (--quick) and check their own results', {
    skip: missing.length
      ? `needs ${missing.join(' and ')} (apt-get install ${missing.join(' ')})`
      : false,
    timeout: 120_000,
  }, () => {
    const script = fileURLToPath(new URL('../../bench/run.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [script, '--quick'], {
      encoding: 'utf8',
      timeout: 110_000,
      // Read at every start of Node: the bench must clear it, and say so.
      env: { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^cleared from the environment: (.*, )?NODE_EXTRA_CA_CERTS(,|$)/m);
    // One section per Node measured, this one among them, each with every figure.
    const sections = r.stdout.split(/^(?=node v\d)/m).slice(1);
    assert.ok(
      sections.some((s) => s.startsWith(`node ${process.version} `)),
      `no section for ${process.version}:\n${r.stdout}`,
    );
    for (const section of sections) {
      const figures = section.split('\n').filter((l) => /^\d[a-z]?\. /.test(l));
      assert.deepEqual(
        figures.map((l) => l.slice(0, l.indexOf(' '))),
        ['1.', '2a.', '2b.', '3.', '3h.', '3u.', '3c.', '4a.', '4b.', '5.'],
      );
      assert.match(
        section,
        /5\. search --all --size 500 .* 600 deployments, 1 TCP connection\(s\)/,
      );
    }
  });
});
