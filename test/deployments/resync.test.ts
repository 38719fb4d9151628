// deployments resync: one deployment or --all (--force rewrites every
// document), the rows of what ECE resynced, --json as it came, regions that
// may have failed as exit 1, usage errors, --dry-run; and the sandbox.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { eceError, json, startServer } from '../helpers/server.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef10';
const OTHER = '0123456789abcdef0123456789abcdef';
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'resync-key-1' });

describe('deployments resync', () => {
  it('one deployment: a row per document; --all and --force send skip_matching_version=false', async () => {
    const s = await startServer((req, res) =>
      json(res, 200, {
        created: req.url.includes('skip_matching_version=false') ? [OTHER] : [],
        updated: [ID],
        deleted: [],
        errors: [],
      }),
    );
    try {
      const one = await run(['deployments', 'resync', ID], { env: env(s.url) });
      assert.deepEqual(
        [one.code, one.stdout, one.stderr],
        [
          0,
          `updated\t${ID}\n`,
          `Resynced the search index for deployment ${ID}: 0 created, 1 updated, 0 deleted.\n`,
        ],
      );
      const all = await run(['deployments', 'resync', '--all', '--force', '--json'], {
        env: env(s.url),
      });
      assert.deepEqual(
        [all.code, JSON.parse(all.stdout), all.stderr],
        [
          0,
          { created: [OTHER], updated: [ID], deleted: [], errors: [] },
          'Resynced the search index for every deployment: 1 created, 1 updated, 0 deleted.\n',
        ],
      );
      const plain = await run(['deployments', 'resync', '--all'], { env: env(s.url) });
      assert.equal(plain.code, 0);
      assert.deepEqual(
        s.requests.map((r) => `${r.method} ${r.url}`),
        [
          `POST /api/v1/deployments/${ID}/_resync`,
          'POST /api/v1/deployments/_resync?skip_matching_version=false',
          'POST /api/v1/deployments/_resync',
        ],
      );
    } finally {
      await s.close();
    }
  });

  it('regions where it may have failed: the rows, then exit 1; a 500 is exit 1 with its message', async () => {
    const s = await startServer((req, res) =>
      req.url.includes(ID)
        ? eceError(res, 500, 'deployments.resync_failed', 'The resync failed')
        : json(res, 200, { created: [], updated: [OTHER], deleted: [], errors: ['ece-region'] }),
    );
    try {
      const r = await run(['deployments', 'resync', '--all'], { env: env(s.url) });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          1,
          `updated\t${OTHER}\n`,
          'Resynced the search index for every deployment: 0 created, 1 updated, 0 deleted.\nerror: the resync may have failed in region ece-region\n',
        ],
      );
      const failed = await run(['deployments', 'resync', ID], {
        env: env(s.url),
        client: { maxAttempts: 1 },
      });
      assert.deepEqual(
        [failed.code, failed.stdout, failed.stderr.split('\n')[0]],
        [1, '', 'error: The resync failed (deployments.resync_failed)'],
      );
    } finally {
      await s.close();
    }
  });

  it('usage errors before any request; --dry-run prints the write', async () => {
    const s = await startServer((_req, res) => json(res, 200, {}));
    try {
      for (const [args, message] of [
        [['--all', ID], '--all cannot be combined with a deployment'],
        [[], 'name a deployment, or pass --all for every deployment'],
        [[ID, '--force'], '--force needs --all'],
      ] as const) {
        const r = await run(['deployments', 'resync', ...args], { env: env(s.url) });
        assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', `error: ${message}\n`]);
      }
      const dry = await run(['deployments', 'resync', '--all', '--dry-run'], { env: env(s.url) });
      assert.deepEqual(
        [dry.code, dry.stdout.replace(/ -H 'User-Agent: [^']+'/, ''), dry.stderr],
        [
          0,
          `printf 'header = "Authorization: ApiKey %s"\\n' "$ECE_API_KEY" | curl -sS -g -K - -X POST ${s.url}/api/v1/deployments/_resync -H 'Accept: application/json'\n`,
          '',
        ],
      );
      assert.deepEqual(s.requests, []);
    } finally {
      await s.close();
    }
  });
});

describe('deployments resync against the sandbox', () => {
  let t: TestSandbox;
  let e: Record<string, string>;
  before(async () => {
    t = await testSandbox({ deployments: 0, planDurationMs: 100 });
    e = t.env;
    await t.call('POST', '/deployments', { body: createRequest('indexed') });
  });
  after(() => t.close());

  it('by name, and --all (up to date: nothing; --force: every deployment)', async () => {
    const list = (await t.call('GET', '/deployments')).body as {
      deployments: { id: string; name: string }[];
    };
    const ids = list.deployments.map((d) => d.id);
    const one = await run(['deployments', 'resync', 'indexed'], { env: e });
    const indexed = list.deployments.find((d) => d.name === 'indexed')?.id;
    assert.deepEqual([one.code, one.stdout], [0, `updated\t${indexed}\n`]);
    const none = await run(['deployments', 'resync', '--all'], { env: e, tty: true });
    assert.deepEqual(
      [none.code, none.stdout, none.stderr],
      [
        0,
        '',
        'Nothing to resync: the index was up to date.\nResynced the search index for every deployment: 0 created, 0 updated, 0 deleted.\n',
      ],
    );
    const forced = await run(['deployments', 'resync', '--all', '--force'], { env: e });
    assert.deepEqual(
      [forced.code, forced.stdout],
      [0, ids.map((id) => `updated\t${id}\n`).join('')],
    );
  });
});
