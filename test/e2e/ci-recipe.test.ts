// The CI job in docs/deployments.md, run as written (bash, jq, sha256sum and
// the real binary on PATH) against the sandbox: it creates, waits, hands the
// endpoint and password to the tests, and tears down on exit.

import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { BIN, spawnProc } from '../helpers/e2e.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';

const DOC = new URL('../../docs/deployments.md', import.meta.url);

/** The bash block under the "A CI job" heading, exactly as the docs show it. */
function recipe(): string {
  const doc = readFileSync(DOC, 'utf8');
  const m = /## A CI job[^\n]*\n+```bash\n([\s\S]*?)\n```/.exec(doc);
  if (!m) throw new Error('docs/deployments.md has no bash block under "## A CI job"');
  return `${m[1]}\n`;
}

const missing = ['bash', 'jq', 'sha256sum'].filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
);

describe('the CI recipe of docs/deployments.md', {
  skip: missing.length ? `needs ${missing.join(', ')} (apt-get install jq coreutils bash)` : false,
}, () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ deployments: 0, planDurationMs: 1_000 });
  });
  after(() => t.close());

  it('runs unchanged against the sandbox: exit 0, tests get endpoint and password, nothing left', async () => {
    const dir = tempDir('ece-ci-');
    writeFileSync(join(dir, 'deployment.json'), JSON.stringify(createRequest('placeholder')));
    const script = join(dir, 'job.sh');
    writeFileSync(script, recipe());
    const tests = join(dir, 'run-integration-tests.sh');
    writeFileSync(tests, '#!/bin/sh\nprintf "%s\\n%s\\n" "$1" "$2" > "$(dirname "$0")/args"\n');
    chmodSync(tests, 0o755);
    const bin = join(dir, 'bin');
    spawnSync('mkdir', [bin]);
    writeFileSync(join(bin, 'ece'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'ece'), 0o755);

    const r = await spawnProc('bash', [script], {
      cwd: dir,
      env: {
        PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
        ECE_HOST: t.sb.url,
        ECE_API_KEY: t.sb.apiKey,
        CI_PIPELINE_ID: '4242',
      },
    });
    assert.equal(r.code, 0, r.stderr);
    const [endpoint, password] = readFileSync(join(dir, 'args'), 'utf8').split('\n');
    assert.match(endpoint ?? '', /^https?:\/\/\S+$/);
    assert.ok((password ?? '').length >= 8, 'the tests got no password');
    // The trap shut the deployment down and deleted it.
    const left = await t.call('GET', '/deployments');
    const names = (left.body as { deployments: { name: string }[] }).deployments.map((d) => d.name);
    assert.ok(!names.includes('ci-4242'), `ci-4242 is still there: ${names.join(', ')}`);
    // The request id the recipe derives is one ECE accepts (32 to 128 characters).
    const create = t.exchanges.find(
      (e) => e.method === 'POST' && e.url.startsWith('/api/v1/deployments?'),
    );
    const id = new URL(create?.url ?? '', 'http://x').searchParams.get('request_id') ?? '';
    assert.equal(id.length, 40);
  });
});
