// resize and show --update-payload: the payload read with clear_transient
// (transient dropped), the PUT with ?version= from x-cloud-resource-version,
// a 409 as exit 5, --dry-run as curl; against the sandbox, the payload sent
// back unchanged starts no plan and resize --wait changes only the size.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { eceError, json, startServer } from '../helpers/server.js';
import { useVirtualClock } from '../helpers/time.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef16';
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'resize-key-1' });
const READ = `/api/v1/deployments/${ID}?show_plans=true&show_settings=true&clear_transient=true&enrich_with_template=false`;

const esPlan = {
  cluster_topology: [
    {
      id: 'hot_content',
      zone_count: 1,
      instance_configuration_id: 'data.default',
      size: { resource: 'memory', value: 4096 },
    },
    { id: 'warm', zone_count: 1, size: { resource: 'memory', value: 0 } },
  ],
  elasticsearch: { version: '8.15.1' },
  transient: { restore_snapshot: { snapshot_name: '__latest_success__' } },
};
const kbPlan = {
  cluster_topology: [{ zone_count: 1, size: { resource: 'memory', value: 1024 } }],
  kibana: { version: '8.15.1' },
};
const resource = (ref: string, plan: unknown, extra: Record<string, unknown> = {}) => ({
  ref_id: ref,
  id: 'e'.repeat(32),
  region: 'ece-region',
  ...extra,
  info: {
    healthy: true,
    status: 'started',
    plan_info: {
      healthy: true,
      current: { healthy: true, plan_attempt_log: [], plan },
      history: [],
    },
  },
});
const deployment = {
  id: ID,
  name: 'sizable',
  healthy: true,
  resources: {
    elasticsearch: [resource('main-elasticsearch', esPlan)],
    kibana: [
      resource('main-kibana', kbPlan, { elasticsearch_cluster_ref_id: 'main-elasticsearch' }),
    ],
  },
};
const { transient: _, ...esKept } = esPlan;

function ece(put: (res: import('node:http').ServerResponse) => void) {
  return startServer((req, res) => {
    if (req.method === 'GET') {
      res.setHeader('x-cloud-resource-version', '7');
      return json(res, 200, deployment);
    }
    return put(res);
  });
}

describe('deployments show --update-payload and resize (per-test server)', () => {
  it('show --update-payload: every resource with its current plan, transient dropped', async () => {
    const server = await ece(() => {});
    try {
      const r = await run(['deployments', 'show', ID, '--update-payload'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [r.code, r.stderr],
        [0, `# update with: ece deployments update ${ID} -f <file> --if-version 7\n`],
      );
      assert.deepEqual(JSON.parse(r.stdout), {
        name: 'sizable',
        prune_orphans: false,
        resources: {
          elasticsearch: [{ region: 'ece-region', ref_id: 'main-elasticsearch', plan: esKept }],
          kibana: [
            {
              region: 'ece-region',
              ref_id: 'main-kibana',
              plan: kbPlan,
              elasticsearch_cluster_ref_id: 'main-elasticsearch',
            },
          ],
        },
      });
      assert.deepEqual(
        server.requests.map((q) => `${q.method} ${q.url}`),
        [`GET ${READ}`],
      );
    } finally {
      await server.close();
    }
  });

  it('show --update-payload: a bidi override in a name is escaped, the JSON value unchanged', async () => {
    const name = 'evil\u202eslx.exe';
    const server = await startServer((_req, res) => json(res, 200, { ...deployment, name }));
    try {
      const r = await run(['deployments', 'show', ID, '--update-payload'], {
        env: env(server.url),
      });
      assert.ok(r.stdout.includes('"name": "evil\\u202eslx.exe"'), r.stdout.slice(0, 60));
      assert.equal(JSON.parse(r.stdout).name, name);
    } finally {
      await server.close();
    }
  });

  it('resize --size 8g --zones 2: only that element changes, sent with ?version=7', async () => {
    const changed = {
      ...esKept,
      cluster_topology: [
        { ...esKept.cluster_topology[0], zone_count: 2, size: { resource: 'memory', value: 8192 } },
        esKept.cluster_topology[1],
      ],
    };
    const server = await startServer(
      (req, res) => {
        if (req.method === 'GET') {
          res.setHeader('x-cloud-resource-version', '7');
          return json(res, 200, deployment);
        }
        return json(res, 200, { id: ID, name: 'sizable', resources: [] });
      },
      {
        expect: [
          {
            method: 'PUT',
            path: `/api/v1/deployments/${ID}?version=7`,
            body: {
              name: 'sizable',
              prune_orphans: false,
              resources: {
                elasticsearch: [
                  { region: 'ece-region', ref_id: 'main-elasticsearch', plan: changed },
                ],
              },
            },
          },
        ],
      },
    );
    try {
      const r = await run(['deployments', 'resize', ID, '--size', '8g', '--zones', '2'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          0,
          '',
          'Resizing elasticsearch main-elasticsearch (hot_content) of sizable to 8g in 2 zones.\n',
        ],
      );
    } finally {
      await server.close();
    }
  });

  it('a 409 (changed since read) is exit 5 with "run again"', async () => {
    const server = await ece((res) =>
      eceError(res, 409, 'deployments.version_conflict', 'version 7 is not current'),
    );
    try {
      const r = await run(['deployments', 'resize', ID, '--size', '2g'], { env: env(server.url) });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [5, '', 'error: the deployment changed since it was read: run again\n'],
      );
    } finally {
      await server.close();
    }
  });

  it('--dry-run prints the PUT as curl and sends only the read', async () => {
    const server = await ece(() => {});
    try {
      const r = await run(
        ['deployments', 'resize', ID, '--kind', 'kibana', '--size', '2g', '--dry-run'],
        { env: env(server.url) },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, `dry run: reading GET /api/v1/deployments/${ID}\n`);
      assert.match(
        r.stdout,
        new RegExp(
          `^printf .* \\| curl -sS -g -K - -X PUT '${server.url}/api/v1/deployments/${ID}\\?version=7' .*"size":\\{"resource":"memory","value":2048\\}.*\n$`,
        ),
      );
      assert.deepEqual(
        server.requests.map((q) => q.method),
        ['GET'],
      );
    } finally {
      await server.close();
    }
  });

  it('--zones alone (no --size): only the zone count changes; --dry-run prints the PUT', async () => {
    const server = await ece(() => {});
    try {
      const r = await run(['deployments', 'resize', ID, '--zones', '3', '--dry-run'], {
        env: env(server.url),
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, `dry run: reading GET /api/v1/deployments/${ID}\n`);
      const body = JSON.parse(/--data-raw '(.*)'\n$/.exec(r.stdout)?.[1] ?? '{}') as {
        resources: { elasticsearch: { plan: { cluster_topology: unknown[] } }[] };
      };
      assert.deepEqual(body.resources.elasticsearch[0]?.plan.cluster_topology[0], {
        id: 'hot_content',
        zone_count: 3,
        instance_configuration_id: 'data.default',
        size: { resource: 'memory', value: 4096 },
      });
      const none = await run(['deployments', 'resize', ID], { env: env(server.url) });
      assert.deepEqual(
        [none.code, none.stdout, none.stderr],
        [2, '', 'error: give --size, --zones or both\n'],
      );
      const same = await run(['deployments', 'resize', ID, '--zones', '1'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [same.code, same.stderr],
        [
          0,
          'elasticsearch main-elasticsearch (hot_content) is already in 1 zone: nothing to change.\n',
        ],
      );
      assert.ok(!server.requests.some((q) => q.method === 'PUT'));
    } finally {
      await server.close();
    }
  });

  it('bad input is exit 2 before any write: a size without unit, an unknown topology, an unchanged size', async () => {
    const server = await ece(() => {});
    try {
      const cases: [string[], number, string][] = [
        [
          ['--size', '8'],
          2,
          'error: invalid --size "8": give memory with a unit, like 8g or 512m\n',
        ],
        [['--size', '1g', '--zones', '4'], 2, 'error: invalid --zones "4": use 1, 2 or 3\n'],
        [
          ['--size', '1g', '--topology', 'frozen'],
          2,
          'error: elasticsearch main-elasticsearch has no topology element "frozen" (it has: hot_content, warm)\n',
        ],
        [
          ['--size', '4g'],
          0,
          'elasticsearch main-elasticsearch (hot_content) is already 4g: nothing to change.\n',
        ],
        [['--size', '1g', '--kind', 'apm'], 3, 'error: the deployment has no apm resource\n'],
      ];
      for (const [args, code, stderr] of cases) {
        const r = await run(['deployments', 'resize', ID, ...args], { env: env(server.url) });
        assert.deepEqual([r.code, r.stdout, r.stderr], [code, '', stderr], args.join(' '));
      }
      assert.ok(!server.requests.some((q) => q.method === 'PUT'));
    } finally {
      await server.close();
    }
  });
});

describe('resize and the update payload against the sandbox', () => {
  // Plans take 600 ms of the sandbox's time; --wait moves it on (no real wait).
  const clock = useVirtualClock();
  let t: TestSandbox;
  let env2: Record<string, string>;
  let id = '';
  before(async () => {
    t = await testSandbox({ deployments: 0, planDurationMs: 600 });
    env2 = t.env;
    const made = await t.call('POST', '/deployments', {
      body: createRequest('sized', ['elasticsearch', 'kibana']),
    });
    assert.equal(made.status, 201);
    id = String((made.body as { id: string }).id);
    // The first plan ends on the sandbox's clock.
    clock.advance(900);
  });
  after(() => t.close());

  const attempts = async () => {
    const full = (await t.call('GET', `/deployments/${id}?show_plan_history=true`)).body as {
      resources: Record<
        string,
        { info: { plan_info: { history: unknown[]; pending?: unknown } } }[]
      >;
    };
    // Finished attempts and the pending one: a new plan shows as pending first.
    const counts = Object.values(full.resources)
      .filter((l) => l.length > 0)
      .map(
        (l) => (l[0]?.info.plan_info.history.length ?? 0) + (l[0]?.info.plan_info.pending ? 1 : 0),
      );
    assert.deepEqual(counts.length, 2);
    return counts;
  };

  it('show --update-payload | update -f - is accepted and starts no plan', async () => {
    const before = await attempts();
    const shown = await run(['deployments', 'show', 'sized', '--update-payload'], { env: env2 });
    assert.equal(shown.code, 0, shown.stderr);
    const r = await run(['deployments', 'update', 'sized', '-f', '-'], {
      env: env2,
      stdin: shown.stdout,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^Updating deployment sized \([0-9a-f]{32}\)\.\n$/);
    assert.deepEqual(await attempts(), before);
  });

  it('resize --size 8g --wait changes only the size', async () => {
    const payload = async () =>
      JSON.parse(
        (await run(['deployments', 'show', 'sized', '--update-payload'], { env: env2 })).stdout,
      );
    const was = await payload();
    const r = await run(['deployments', 'resize', 'sized', '--size', '8g', '--wait'], {
      env: env2,
      clock,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /^Resizing elasticsearch main-elasticsearch \(hot_content\) of sized to 8g\.\n/,
    );
    assert.match(r.stderr, /\nPlan finished in /);
    const now = await payload();
    was.resources.elasticsearch[0].plan.cluster_topology[0].size.value = 8192;
    assert.deepEqual(now, was);
  });
});
