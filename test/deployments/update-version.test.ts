// Read-modify-write of a deployment: show --update-payload prints the version
// it read (stderr only, so the pipe stays a document); update --if-version N
// sends ?version=N, and ECE's 409 for a stale one is exit 5 "the deployment
// changed since it was read"; the sandbox rejects a stale version and bumps
// it on every change. update --wait with a definition that changes nothing
// ends at once: no plan was started.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { eceError, json, startServer } from '../helpers/server.js';
import { virtualClock } from '../helpers/time.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef19';
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'version-key-1' });
const plan = { cluster_topology: [], elasticsearch: { version: '8.15.1' } };
const done = {
  plan_attempt_id: 'es-1',
  healthy: true,
  attempt_start_time: '2026-11-29T00:00:00Z',
  plan_attempt_log: [
    {
      step_id: 'plan-completed',
      started: '2026-11-29T00:00:00Z',
      status: 'success',
      stage: 'completed',
    },
  ],
  plan,
};
const deployment = {
  id: ID,
  name: 'two words',
  healthy: true,
  resources: {
    elasticsearch: [
      {
        ref_id: 'main-elasticsearch',
        id: 'e'.repeat(32),
        region: 'ece-region',
        info: {
          healthy: true,
          status: 'started',
          plan_info: { healthy: true, current: done, history: [done] },
        },
      },
    ],
  },
};
const BODY = {
  prune_orphans: false,
  resources: {
    elasticsearch: [{ ref_id: 'main-elasticsearch', region: 'ece-region', plan }],
  },
};
const updateFile = () => {
  const f = join(tempDir(), 'update.json');
  writeFileSync(f, JSON.stringify(BODY));
  return f;
};

/** ECE at version 12: the deployment, and the PUT answered by `put`. */
const ece = (put: (res: import('node:http').ServerResponse) => void) =>
  startServer((req, res) => {
    if (req.method === 'GET')
      return json(res, 200, deployment, { 'x-cloud-resource-version': '12' });
    return put(res);
  });
const updated = (res: import('node:http').ServerResponse) =>
  json(res, 200, { id: ID, name: 'two words', resources: [] });

describe('show --update-payload and update --if-version (per-test server)', () => {
  it('show --update-payload: the document on stdout, the version hint on stderr only', async () => {
    const server = await ece(updated);
    try {
      const r = await run(['deployments', 'show', ID, '--update-payload'], {
        env: env(server.url),
      });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), { name: 'two words', ...BODY });
      assert.equal(
        r.stderr,
        `# update with: ece deployments update ${ID} -f <file> --if-version 12\n`,
      );
    } finally {
      await server.close();
    }
  });

  it('--if-version 12: one PUT with ?version=12', async () => {
    const server = await ece(updated);
    try {
      const r = await run(['deployments', 'update', ID, '-f', updateFile(), '--if-version', '12'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [0, '', `Updating deployment two words (${ID}).\n`],
      );
      assert.deepEqual(
        server.requests.map((q) => `${q.method} ${q.url}`),
        [`PUT /api/v1/deployments/${ID}?version=12`],
      );
      server.expect({ method: 'PUT', path: `/api/v1/deployments/${ID}?version=12`, body: BODY });
    } finally {
      await server.close();
    }
  });

  it('a stale version: ECE’s 409 is exit 5, "the deployment changed since it was read"', async () => {
    const server = await ece((res) =>
      eceError(res, 409, 'deployments.version_conflict', 'The deployment was changed'),
    );
    try {
      const r = await run(['deployments', 'update', ID, '-f', updateFile(), '--if-version', '11'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          5,
          '',
          `error: the deployment changed since it was read: run again\nhint: read it again with \`ece deployments show ${ID} --update-payload\`, and re-apply your change\n`,
        ],
      );
      // Without --if-version a 409 is ECE's own message (exit 5 all the same).
      const plain = await run(['deployments', 'update', ID, '-f', updateFile()], {
        env: env(server.url),
      });
      assert.equal(plain.code, 5);
      assert.match(plain.stderr, /^error: The deployment was changed/);
    } finally {
      await server.close();
    }
  });

  it('a 400 whose code ends in version_conflict is a conflict too (the spec lists no 409 here)', async () => {
    const server = await ece((res) =>
      eceError(res, 400, 'deployments.version_conflict', 'The deployment was changed'),
    );
    try {
      const r = await run(['deployments', 'update', ID, '-f', updateFile(), '--if-version', '11'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          5,
          '',
          `error: the deployment changed since it was read: run again\nhint: read it again with \`ece deployments show ${ID} --update-payload\`, and re-apply your change\n`,
        ],
      );
    } finally {
      await server.close();
    }
  });

  it('a version that is not a number: exit 2, nothing sent; --dry-run shows ?version=', async () => {
    const server = await ece(updated);
    try {
      const r = await run(
        ['deployments', 'update', ID, '-f', updateFile(), '--if-version', 'v12'],
        {
          env: env(server.url),
        },
      );
      assert.deepEqual(
        [r.code, r.stderr],
        [2, 'error: invalid --if-version "v12": give the number show --update-payload printed\n'],
      );
      assert.deepEqual(server.requests, []);
      const dry = await run(
        ['deployments', 'update', ID, '-f', updateFile(), '--if-version', '12', '--dry-run'],
        { env: env(server.url) },
      );
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(
        dry.stdout,
        new RegExp(
          `^printf .* \\| curl -sS -g -K - -X PUT '${server.url}/api/v1/deployments/${ID}\\?version=12' `,
        ),
      );
      assert.deepEqual(server.requests, []);
    } finally {
      await server.close();
    }
  });

  it('--wait when ECE starts no plan: exit 0 after a few reads, saying so', async (ctx) => {
    const clock = virtualClock(ctx);
    const server = await ece(updated);
    try {
      const r = await run(
        ['deployments', 'update', ID, '-f', updateFile(), '--wait', '--wait-timeout', '10s'],
        {
          env: env(server.url),
          clock,
        },
      );
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          0,
          '',
          `Updating deployment two words (${ID}).\nNo plan was started: the definition changes nothing.\n`,
        ],
      );
      // Three pauses of a second between the reads, not the 10 s of --wait-timeout.
      assert.equal(clock.moved(), 3_000);
      // The snapshot, the PUT, then four reads a second apart.
      assert.deepEqual(
        server.requests.map((q) => q.method),
        ['GET', 'PUT', 'GET', 'GET', 'GET', 'GET'],
      );
    } finally {
      await server.close();
    }
  });
});

describe('read-modify-write against the sandbox', () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ deployments: 2, planDurationMs: 500 });
  });
  after(() => t.close());
  const e = () => t.env;
  const versionOf = (stderr: string) => /--if-version (\d+)\n$/.exec(stderr)?.[1] ?? 'none';

  it('show --update-payload | update -f - --if-version N; N again is stale (exit 5); the version moves', async () => {
    const shown = await run(['deployments', 'show', 'prod-logs', '--update-payload'], { env: e() });
    assert.equal(shown.code, 0, shown.stderr);
    const n = versionOf(shown.stderr);
    assert.match(n, /^\d+$/);
    const first = await run(['deployments', 'update', 'prod-logs', '-f', '-', '--if-version', n], {
      env: e(),
      stdin: shown.stdout,
    });
    assert.equal(first.code, 0, first.stderr);
    const stale = await run(['deployments', 'update', 'prod-logs', '-f', '-', '--if-version', n], {
      env: e(),
      stdin: shown.stdout,
    });
    assert.deepEqual(
      [stale.code, stale.stderr.split('\n')[0]],
      [5, 'error: the deployment changed since it was read: run again'],
    );
    const again = await run(['deployments', 'show', 'prod-logs', '--update-payload'], { env: e() });
    assert.equal(Number(versionOf(again.stderr)), Number(n) + 1);
    // Other changes move it too: a restart, a keystore setting.
    await run(['deployments', 'restart', 'prod-logs', '--kind', 'kibana'], { env: e() });
    const third = await run(['deployments', 'show', 'prod-logs', '--update-payload'], { env: e() });
    assert.equal(Number(versionOf(third.stderr)), Number(n) + 2);
  });

  it('update --wait with the payload as it is: exit 0 within seconds, no plan started', async (ctx) => {
    const clock = virtualClock(ctx);
    const shown = await run(['deployments', 'show', 'search-staging', '--update-payload'], {
      env: e(),
    });
    const r = await run(
      ['deployments', 'update', 'search-staging', '-f', '-', '--wait', '--wait-timeout', '10s'],
      {
        env: e(),
        stdin: shown.stdout,
        clock,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /^Updating deployment search-staging \([0-9a-f]{32}\)\.\nNo plan was started: the definition changes nothing\.\n$/,
    );
    // Three pauses of a second between the reads, not the 10 s of --wait-timeout.
    assert.equal(clock.moved(), 3_000);
  });
});
