// deployments remote-clusters show|set: exact requests and output against a
// per-test server, the file checked before anything is sent (exit 2 naming
// the JSON path of the first problem), show --json taken back by set (its
// read-only info left out), --dry-run; then the sandbox end to end.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { json, startServer } from '../helpers/server.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef17';
const REMOTE = '0123456789abcdef0123456789abcdef';
const PATH = `/api/v1/deployments/${ID}/elasticsearch/main-elasticsearch/remote-clusters`;
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'remote-key-1', NO_COLOR: '1' });

const deployment = {
  id: ID,
  name: 'search-hub',
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
const info = {
  healthy: true,
  connected: false,
  compatible: true,
  trusted: true,
  trusted_back: true,
};
const LISTED = {
  resources: [
    {
      alias: 'logs-eu',
      deployment_id: REMOTE,
      elasticsearch_ref_id: 'main-elasticsearch',
      skip_unavailable: true,
      info,
    },
    { alias: 'metrics', deployment_id: REMOTE, elasticsearch_ref_id: 'metrics-es', info },
  ],
};

const ece = (listed: unknown = LISTED) =>
  startServer((req, res) => {
    if (req.method === 'GET' && req.url.endsWith('/remote-clusters')) return json(res, 200, listed);
    if (req.method === 'GET') return json(res, 200, deployment);
    return json(res, 202, {});
  });

const file = (content: unknown) => {
  const f = join(tempDir(), 'remotes.json');
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return f;
};

describe('deployments remote-clusters show (per-test server)', () => {
  it('a table on a terminal, TSV piped, ECE’s body with --json', async () => {
    const server = await ece();
    try {
      const table = await run(['deployments', 'remote-clusters', 'show', ID], {
        env: env(server.url),
        tty: true,
        columns: 140,
      });
      assert.equal(table.code, 0, table.stderr);
      assert.equal(
        table.stdout,
        [
          'ALIAS    DEPLOYMENT                        REF_ID              SKIP_UNAVAILABLE  HEALTHY  CONNECTED',
          'logs-eu  0123456789abcdef0123456789abcdef  main-elasticsearch  yes               yes      no',
          'metrics  0123456789abcdef0123456789abcdef  metrics-es          no                yes      no',
          '',
        ].join('\n'),
      );
      const tsv = await run(['deployments', 'remote-clusters', 'show', ID], {
        env: env(server.url),
      });
      assert.equal(
        tsv.stdout,
        `logs-eu\t${REMOTE}\tmain-elasticsearch\tyes\tyes\tno\nmetrics\t${REMOTE}\tmetrics-es\tno\tyes\tno\n`,
      );
      const raw = await run(
        ['deployments', 'remote-clusters', 'show', ID, '--ref-id', 'main-elasticsearch', '--json'],
        { env: env(server.url) },
      );
      assert.equal(raw.stdout, `${JSON.stringify(LISTED)}\n`);
      assert.deepEqual(
        server.requests.map((q) => `${q.method} ${q.url}`),
        [
          `GET /api/v1/deployments/${ID}?show_plans=false`,
          `GET ${PATH}`,
          `GET /api/v1/deployments/${ID}?show_plans=false`,
          `GET ${PATH}`,
          `GET ${PATH}`,
        ],
      );
    } finally {
      await server.close();
    }
  });

  it('none: exit 0, a note on a terminal', async () => {
    const server = await ece({ resources: [] });
    try {
      const r = await run(['deployments', 'remote-clusters', 'show', ID], {
        env: env(server.url),
        tty: true,
      });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [0, '', `${ID} (elasticsearch main-elasticsearch) has no remote clusters.\n`],
      );
    } finally {
      await server.close();
    }
  });
});

describe('deployments remote-clusters set (per-test server)', () => {
  it('show --json taken back: one PUT without the read-only info', async () => {
    const server = await ece();
    try {
      const r = await run(['deployments', 'remote-clusters', 'set', ID, '-f', file(LISTED)], {
        env: env(server.url),
      });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          0,
          '',
          `Set 2 remote clusters of ${ID} (elasticsearch main-elasticsearch): logs-eu, metrics.\n`,
        ],
      );
      server.expect({
        method: 'PUT',
        path: PATH,
        body: {
          resources: [
            {
              alias: 'logs-eu',
              deployment_id: REMOTE,
              elasticsearch_ref_id: 'main-elasticsearch',
              skip_unavailable: true,
            },
            { alias: 'metrics', deployment_id: REMOTE, elasticsearch_ref_id: 'metrics-es' },
          ],
        },
      });
    } finally {
      await server.close();
    }
  });

  it('YAML on stdin, an empty list removes them all; --dry-run shows the PUT and sends none', async () => {
    const server = await ece();
    try {
      const r = await run(['deployments', 'remote-clusters', 'set', ID, '-f', '-'], {
        env: env(server.url),
        stdin: 'resources: []\n',
      });
      assert.deepEqual(
        [r.code, r.stderr],
        [0, `Removed every remote cluster of ${ID} (elasticsearch main-elasticsearch).\n`],
      );
      assert.equal(server.requests.at(-1)?.body, '{"resources":[]}');
      const n = server.requests.length;
      const dry = await run(
        ['deployments', 'remote-clusters', 'set', ID, '-f', file(LISTED), '--dry-run'],
        { env: env(server.url) },
      );
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(
        dry.stdout,
        new RegExp(
          `^printf .* \\| curl -sS -g -K - -X PUT ${server.url}${PATH} .* --data-raw '\\{"resources":\\[\\{"alias":"logs-eu",.*"skip_unavailable":true\\},\\{"alias":"metrics",.*\\}\\]\\}'\\n$`,
        ),
      );
      assert.ok(!dry.stdout.includes('"info"'));
      assert.ok(!server.requests.slice(n).some((q) => q.method === 'PUT'));
    } finally {
      await server.close();
    }
  });

  it('a file that breaks RemoteResources: exit 2 naming the JSON path, nothing sent', async () => {
    const server = await ece();
    const ok = { alias: 'a', deployment_id: REMOTE, elasticsearch_ref_id: 'main-elasticsearch' };
    try {
      const cases: [unknown, string][] = [
        [{}, '$.resources: missing (an array of remote clusters, or [])'],
        [{ resources: {} }, '$.resources: must be an array, not an object'],
        [{ resources: [], extra: 1 }, '$.extra: unknown field (expected only "resources")'],
        [{ resources: [ok, 'x'] }, '$.resources[1]: must be an object, not a string "x"'],
        [
          { resources: [{ ...ok, elasticsearch_ref_id: undefined }] },
          '$.resources[0].elasticsearch_ref_id: missing (a string)',
        ],
        [
          { resources: [{ ...ok, deployment_id: 7 }] },
          '$.resources[0].deployment_id: must be a string, not a number 7',
        ],
        [{ resources: [{ ...ok, alias: '' }] }, '$.resources[0].alias: must not be empty'],
        [
          { resources: [{ ...ok, alias: 'eu west' }] },
          '$.resources[0].alias: "eu west": use only letters, digits, dashes and underscores',
        ],
        [
          { resources: [ok, { ...ok }] },
          '$.resources[1].alias: "a" is already the alias of $.resources[0]',
        ],
        [
          { resources: [{ ...ok, skip_unavailable: 'yes' }] },
          '$.resources[0].skip_unavailable: must be true or false, not a string "yes"',
        ],
        [
          { resources: [{ ...ok, skip_unavailble: true }] },
          '$.resources[0].skip_unavailble: unknown field (expected alias, deployment_id, elasticsearch_ref_id, skip_unavailable)',
        ],
      ];
      for (const [content, problem] of cases) {
        const f = file(content);
        const r = await run(['deployments', 'remote-clusters', 'set', ID, '-f', f], {
          env: env(server.url),
        });
        assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', `error: ${f}: ${problem}\n`]);
      }
      const bad = file('{"resources": [\n  {"alias": "a",}\n]}');
      const r = await run(['deployments', 'remote-clusters', 'set', ID, '-f', bad], {
        env: env(server.url),
      });
      assert.deepEqual(
        [r.code, r.stderr],
        [2, `error: ${bad}:2:17: invalid JSON: trailing comma before '}'\n`],
      );
      assert.deepEqual(server.requests, []);
    } finally {
      await server.close();
    }
  });
});

describe('deployments remote-clusters against the sandbox', () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ deployments: 2 });
  });
  after(() => t.close());

  it('set by name, show, show --json | set -f - changes nothing; an unknown remote is ECE’s 400 (exit 5)', async () => {
    const e = t.env;
    const list = (await t.call('GET', '/deployments')).body as {
      deployments: { id: string; name: string }[];
    };
    const remote = list.deployments.find((d) => d.name === 'search-staging')?.id ?? '';
    const set = await run(
      [
        'deployments',
        'remote-clusters',
        'set',
        'prod-logs',
        '-f',
        file({
          resources: [
            { alias: 'staging', deployment_id: remote, elasticsearch_ref_id: 'main-elasticsearch' },
          ],
        }),
      ],
      { env: e },
    );
    assert.deepEqual(
      [set.code, set.stderr],
      [0, 'Set 1 remote cluster of prod-logs (elasticsearch main-elasticsearch): staging.\n'],
    );
    const shown = await run(['deployments', 'remote-clusters', 'show', 'prod-logs'], { env: e });
    assert.equal(shown.stdout, `staging\t${remote}\tmain-elasticsearch\tno\tyes\tyes\n`);
    const json = await run(['deployments', 'remote-clusters', 'show', 'prod-logs', '--json'], {
      env: e,
    });
    const again = await run(['deployments', 'remote-clusters', 'set', 'prod-logs', '-f', '-'], {
      env: e,
      stdin: json.stdout,
    });
    assert.equal(again.code, 0, again.stderr);
    const after = await run(['deployments', 'remote-clusters', 'show', 'prod-logs', '--json'], {
      env: e,
    });
    assert.equal(after.stdout, json.stdout);
    const unknown = await run(
      [
        'deployments',
        'remote-clusters',
        'set',
        'prod-logs',
        '-f',
        file({
          resources: [{ alias: 'x', deployment_id: 'f'.repeat(32), elasticsearch_ref_id: 'es' }],
        }),
      ],
      { env: e },
    );
    assert.equal(unknown.code, 5);
    assert.match(
      unknown.stderr,
      /^error: The remote deployment \[f{32}\] has no Elasticsearch resource \[es\]/,
    );
  });
});
