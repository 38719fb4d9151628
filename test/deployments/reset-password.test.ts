// reset-password: asks first (exit 2 without a terminal or --yes, nothing
// sent), prints the new password once on stdout and never on stderr, --json
// prints ECE's answer, --dry-run shows the POST; the sandbox end to end.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { json, startServer } from '../helpers/server.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef18';
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'reset-key-1' });
const PASSWORD = 'n3w-Pa55word-from-ece-0001';
registerSecret(PASSWORD);
const RESET = `/api/v1/deployments/${ID}/elasticsearch/main-elasticsearch/_reset-password`;

const deployment = {
  id: ID,
  name: 'guarded',
  healthy: true,
  resources: {
    elasticsearch: [
      {
        ref_id: 'main-elasticsearch',
        id: 'e'.repeat(32),
        region: 'ece-region',
        info: { healthy: true, status: 'started', plan_info: { healthy: true, history: [] } },
      },
    ],
  },
};

const ece = () =>
  startServer((req, res) => {
    if (req.method === 'GET') return json(res, 200, deployment);
    return json(res, 200, { username: 'elastic', password: PASSWORD });
  });

describe('deployments reset-password (per-test server)', () => {
  it('--yes: the password once on stdout, a note on stderr without it', async () => {
    const server = await ece();
    try {
      const r = await run(['deployments', 'reset-password', ID, '--yes', '--verbose'], {
        env: env(server.url),
        secretOnStdout: true,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${PASSWORD}\n`);
      assert.ok(!r.stderr.includes(PASSWORD), 'the password is masked on stderr (--verbose too)');
      assert.match(
        r.stderr,
        /Reset the password of the elastic user of "guarded"\. Store it now: ECE will not show it again\.\n$/,
      );
      assert.deepEqual(
        server.requests.map((q) => `${q.method} ${q.url}`),
        [`GET /api/v1/deployments/${ID}?show_plans=false`, `POST ${RESET}`],
      );
    } finally {
      await server.close();
    }
  });

  it('--json prints ECE’s answer; --ref-id skips the read', async () => {
    const server = await ece();
    try {
      const r = await run(
        ['deployments', 'reset-password', ID, '--ref-id', 'main-elasticsearch', '--yes', '--json'],
        { env: env(server.url), secretOnStdout: true },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `{"username":"elastic","password":"${PASSWORD}"}\n`);
      assert.deepEqual(
        server.requests.map((q) => `${q.method} ${q.url}`),
        [`POST ${RESET}`],
      );
    } finally {
      await server.close();
    }
  });

  it('without a terminal and without --yes: exit 2, nothing sent; --dry-run shows the POST without asking', async () => {
    const server = await ece();
    try {
      const refused = await run(['deployments', 'reset-password', ID], { env: env(server.url) });
      assert.deepEqual(
        [refused.code, refused.stdout, refused.stderr],
        [2, '', 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
      );
      assert.equal(server.requests.length, 0);
      const dry = await run(['deployments', 'reset-password', ID, '--dry-run'], {
        env: env(server.url),
      });
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(
        dry.stdout,
        new RegExp(`^printf .* \\| curl -sS -g -K - -X POST ${server.url}${RESET} .*\n$`),
      );
      assert.ok(!server.requests.some((q) => q.method === 'POST'));
    } finally {
      await server.close();
    }
  });
});

describe('deployments reset-password against the sandbox', () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ deployments: 0, planDurationMs: 300 });
    assert.equal((await t.call('POST', '/deployments', { body: { name: 'locked' } })).status, 201);
  });
  after(() => t.close());

  it('a new password each time, printed once', async () => {
    const e = t.env;
    const a = await run(['deployments', 'reset-password', 'locked', '--yes'], {
      env: e,
      secretOnStdout: true,
    });
    const b = await run(['deployments', 'reset-password', 'locked', '--yes'], {
      env: e,
      secretOnStdout: true,
    });
    assert.deepEqual([a.code, b.code], [0, 0]);
    assert.match(a.stdout, /^[A-Za-z0-9]{24}\n$/);
    assert.notEqual(a.stdout, b.stdout);
    const missing = await run(
      ['deployments', 'reset-password', 'locked', '--ref-id', 'nope', '--yes'],
      { env: e },
    );
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /^error: .*nope.*\n$/);
  });
});
