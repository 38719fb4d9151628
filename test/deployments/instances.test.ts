// deployments instances list|stop|start|maintenance|move against a scripted
// server (exact requests, output and exit codes; unknown instances named
// before anything is sent; --all on the every-instance operations; --dry-run
// as curl; confirmation) and end to end against the sandbox, whose
// deployment shows what each command changed.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { spawnProc } from '../helpers/e2e.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { eceError, json, type Recorded, startServer } from '../helpers/server.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef08';
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'instances-key-1' });
const GET = `/api/v1/deployments/${ID}?show_plans=false`;
const ES = `/api/v1/deployments/${ID}/elasticsearch/main-elasticsearch`;

const instance = (name: string, more: Record<string, unknown> = {}) => ({
  instance_name: name,
  zone: 'zone-a',
  allocator_id: 'alloc-1',
  healthy: true,
  container_started: true,
  service_running: true,
  maintenance_mode: false,
  service_version: '8.15.1',
  memory: { instance_capacity: 4096 },
  instance_configuration: { id: 'data.default', name: 'data.default' },
  ...more,
});

const resource = (refId: string, instances: unknown[]) => ({
  ref_id: refId,
  id: `${refId.slice(0, 4)}${'0'.repeat(28)}`,
  region: 'ece-region',
  info: { healthy: true, status: 'started', topology: { healthy: true, instances } },
});

const DEPLOYMENT = {
  id: ID,
  name: 'fleet',
  healthy: true,
  resources: {
    elasticsearch: [
      resource('main-elasticsearch', [
        instance('instance-0000000000'),
        instance('instance-0000000001', {
          zone: 'zone-b',
          allocator_id: 'alloc-2',
          maintenance_mode: true,
        }),
        instance('tiebreaker-0000000002', {
          memory: { instance_capacity: 512 },
          container_started: false,
          service_running: false,
          healthy: false,
        }),
      ]),
    ],
    kibana: [
      resource('main-kibana', [
        instance('instance-0000000000', { memory: { instance_capacity: 1024 }, healthy: false }),
      ]),
    ],
  },
};

/** Answers the deployment, `reply` for writes (202 {} by default), and allocators by id. */
async function server(reply?: (req: Recorded) => [number, unknown] | undefined) {
  return startServer((req, res) => {
    if (req.method === 'GET' && req.url === GET) return json(res, 200, DEPLOYMENT);
    if (req.url.startsWith('/api/v1/platform/infrastructure/allocators/')) {
      const id = req.url.split('/').at(-1);
      if (id === 'alloc-3') return json(res, 200, { allocator_id: 'alloc-3' });
      return eceError(res, 404, 'allocators.allocator_not_found', `Allocator [${id}] not found`);
    }
    const [status, body] = reply?.(req) ?? [202, {}];
    return json(res, status, body);
  });
}

const sent = (requests: Recorded[]) =>
  requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url} ${r.body}`.trim());

describe('deployments instances list', () => {
  it('a table of every instance; TSV in a pipe; -o wide adds version and configuration', async () => {
    const s = await server();
    try {
      const table = await run(['deployments', 'instances', 'list', ID], {
        env: { ...env(s.url), NO_COLOR: '1' },
        tty: true,
        columns: 120,
      });
      assert.equal(table.code, 0, table.stderr);
      assert.equal(
        table.stdout,
        [
          'INSTANCE               KIND           REF ID              ZONE    ALLOCATOR  SIZE  STATUS     MAINTENANCE',
          'instance-0000000000    elasticsearch  main-elasticsearch  zone-a  alloc-1    4g    running    no',
          'instance-0000000001    elasticsearch  main-elasticsearch  zone-b  alloc-2    4g    running    yes',
          'tiebreaker-0000000002  elasticsearch  main-elasticsearch  zone-a  alloc-1    512m  stopped    no',
          'instance-0000000000    kibana         main-kibana         zone-a  alloc-1    1g    unhealthy  no',
          '',
        ].join('\n'),
      );
      const tsv = await run(
        ['deployments', 'instances', 'list', ID, '--kind', 'kibana', '-o', 'wide'],
        {
          env: env(s.url),
        },
      );
      assert.deepEqual(
        [tsv.code, tsv.stdout, tsv.stderr],
        [
          0,
          'instance-0000000000\tkibana\tmain-kibana\tzone-a\talloc-1\t1g\tunhealthy\tno\t8.15.1\tdata.default\n',
          '',
        ],
      );
    } finally {
      await s.close();
    }
  });

  it('--json: the deployment cut down to its instances, as ECE sent them; --ref-id filters', async () => {
    const s = await server();
    try {
      const r = await run(
        ['deployments', 'instances', 'list', ID, '--ref-id', 'main-kibana', '--json'],
        { env: env(s.url) },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), {
        id: ID,
        name: 'fleet',
        resources: {
          kibana: [
            {
              ref_id: 'main-kibana',
              id: `main${'0'.repeat(28)}`,
              info: {
                topology: { instances: DEPLOYMENT.resources.kibana[0]?.info.topology.instances },
              },
            },
          ],
        },
      });
      const none = await run(['deployments', 'instances', 'list', ID, '--kind', 'apm'], {
        env: env(s.url),
      });
      assert.deepEqual(
        [none.code, none.stdout, none.stderr],
        [3, '', `error: deployment fleet (${ID}) has no apm resource\n`],
      );
      const bad = await run(['deployments', 'instances', 'list', ID, '--kind', 'kibanna'], {
        env: env(s.url),
      });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /^error: invalid --kind "kibanna" \(valid: elasticsearch, kibana/);
    } finally {
      await s.close();
    }
  });
});

describe('deployments instances stop|start|maintenance', () => {
  it('stop sends the named instances, comma-separated; --all uses the every-instance operation', async () => {
    const s = await server();
    try {
      const one = await run(
        [
          'deployments',
          'instances',
          'stop',
          ID,
          'instance-0000000000',
          'instance-0000000001',
          '--yes',
        ],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [one.code, one.stdout, one.stderr],
        [
          0,
          '',
          `Stopping instance-0000000000, instance-0000000001 of elasticsearch main-elasticsearch in deployment fleet (${ID}).\n`,
        ],
      );
      const all = await run(
        ['deployments', 'instances', 'start', ID, '--kind', 'kibana', '--all'],
        {
          env: env(s.url),
        },
      );
      assert.equal(all.code, 0, all.stderr);
      const on = await run(
        ['deployments', 'instances', 'maintenance', 'on', ID, 'tiebreaker-0000000002', '--yes'],
        { env: env(s.url) },
      );
      assert.equal(on.code, 0, on.stderr);
      const off = await run(['deployments', 'instances', 'maintenance', 'off', ID, '--all'], {
        env: env(s.url),
      });
      assert.deepEqual(
        [off.code, off.stderr],
        [
          0,
          `Maintenance mode off for every instance of elasticsearch main-elasticsearch in deployment fleet (${ID}).\n`,
        ],
      );
      assert.deepEqual(sent(s.requests), [
        `POST ${ES}/instances/instance-0000000000,instance-0000000001/_stop`,
        `POST /api/v1/deployments/${ID}/kibana/main-kibana/instances/_start`,
        `POST ${ES}/instances/tiebreaker-0000000002/maintenance-mode/_start`,
        `POST ${ES}/instances/maintenance-mode/_stop`,
      ]);
    } finally {
      await s.close();
    }
  });

  it('an unknown instance is exit 3 naming it, before anything is sent', async () => {
    const s = await server();
    try {
      const r = await run(
        ['deployments', 'instances', 'stop', ID, 'instance-0000000000', 'instance-7', '--yes'],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          3,
          '',
          `error: elasticsearch main-elasticsearch of deployment fleet (${ID}) has no instance "instance-7" (it has: instance-0000000000, instance-0000000001, tiebreaker-0000000002)\n`,
        ],
      );
      assert.deepEqual(sent(s.requests), []);
    } finally {
      await s.close();
    }
  });

  it('usage: names and --all, neither, a bad state; stop without --yes and a terminal is exit 2 before any request', async () => {
    const s = await server();
    try {
      const cases: [string[], string][] = [
        [
          ['stop', ID, 'instance-0000000000', '--all', '--yes'],
          '--all cannot be combined with instance names',
        ],
        [
          ['start', ID],
          'name the instances (see ece deployments instances list), or pass --all for every instance',
        ],
        [['maintenance', 'maybe', ID, '--all'], 'invalid maintenance state "maybe": use on or off'],
        [
          ['stop', ID, 'instance-0000000000'],
          'this needs confirmation: pass --yes to run it without a terminal',
        ],
        [
          ['maintenance', 'on', ID, '--all'],
          'this needs confirmation: pass --yes to run it without a terminal',
        ],
      ];
      for (const [args, message] of cases) {
        const r = await run(['deployments', 'instances', ...args], { env: env(s.url) });
        assert.deepEqual(
          [r.code, r.stdout, r.stderr],
          [2, '', `error: ${message}\n`],
          args.join(' '),
        );
      }
      assert.deepEqual(s.requests, []);
    } finally {
      await s.close();
    }
  });

  it('--dry-run prints the write as curl, reads only, and never asks', async () => {
    const s = await server();
    try {
      const r = await run(
        ['deployments', 'instances', 'stop', ID, 'instance-0000000001', '--dry-run'],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          0,
          `curl -sS -X POST ${s.url}${ES}/instances/instance-0000000001/_stop -H 'Accept: application/json' -H 'User-Agent: ${/User-Agent: ([^']+)/.exec(r.stdout)?.[1]}' -H "Authorization: ApiKey $ECE_API_KEY"\n`,
          `dry run: reading GET /api/v1/deployments/${ID}\n`,
        ],
      );
      assert.deepEqual(sent(s.requests), []);
    } finally {
      await s.close();
    }
  });

  it("ECE's errors and warnings: a 403 is exit 4 with its message; warnings go to stderr", async () => {
    const s = await server((req) =>
      req.url.includes('/_start')
        ? [
            202,
            {
              warnings: [{ code: 'deployments.something', message: 'Instance is already running' }],
            },
          ]
        : undefined,
    );
    try {
      const r = await run(['deployments', 'instances', 'start', ID, 'instance-0000000000'], {
        env: env(s.url),
      });
      assert.deepEqual(
        [r.code, r.stderr],
        [
          0,
          `warning: Instance is already running (deployments.something)\nStarting instance-0000000000 of elasticsearch main-elasticsearch in deployment fleet (${ID}).\n`,
        ],
      );
    } finally {
      await s.close();
    }
    const refused = await startServer((req, res) =>
      req.method === 'GET'
        ? json(res, 200, DEPLOYMENT)
        : eceError(
            res,
            403,
            'deployments.instance_update_prohibited_error',
            'Not allowed on this resource',
          ),
    );
    try {
      const r = await run(['deployments', 'instances', 'stop', ID, '--all', '--yes'], {
        env: env(refused.url),
      });
      assert.deepEqual(
        [r.code, r.stderr],
        [4, 'error: Not allowed on this resource (deployments.instance_update_prohibited_error)\n'],
      );
    } finally {
      await refused.close();
    }
  });
});

describe('deployments instances move', () => {
  it('sends the instances with preferred_allocators, each target checked first; an unknown one is exit 3', async () => {
    const s = await server();
    try {
      const r = await run(
        ['deployments', 'instances', 'move', ID, 'instance-0000000001', '--to', 'alloc-3', '--yes'],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          0,
          '',
          `Moving instance-0000000001 of elasticsearch main-elasticsearch in deployment fleet (${ID}) to alloc-3.\n`,
        ],
      );
      const gone = await run(
        ['deployments', 'instances', 'move', ID, 'instance-0000000001', '--to', 'alloc-9', '--yes'],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [gone.code, gone.stderr],
        [3, 'error: allocator "alloc-9" does not exist\n'],
      );
      const kibana = await run(['deployments', 'instances', 'move', ID, 'nope', '--yes'], {
        env: env(s.url),
      });
      assert.equal(kibana.code, 3);
      assert.deepEqual(sent(s.requests), [
        `POST ${ES}/instances/instance-0000000001/_move {"plan_configuration":{"preferred_allocators":["alloc-3"]}}`,
      ]);
      assert.ok(
        s.requests.some((q) => q.url === '/api/v1/platform/infrastructure/allocators/alloc-3'),
      );
    } finally {
      await s.close();
    }
  });

  it('without --to no body is sent; --dry-run shows the body', async () => {
    const s = await server();
    try {
      const r = await run(
        ['deployments', 'instances', 'move', ID, 'instance-0000000000', '--yes'],
        {
          env: env(s.url),
        },
      );
      assert.equal(r.code, 0, r.stderr);
      const dry = await run(
        [
          'deployments',
          'instances',
          'move',
          ID,
          'instance-0000000000',
          '--to',
          'alloc-3',
          '--dry-run',
        ],
        { env: env(s.url) },
      );
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(
        dry.stdout,
        new RegExp(
          `^curl -sS -X POST ${s.url}${ES}/instances/instance-0000000000/_move .*--data-binary '\\{"plan_configuration":\\{"preferred_allocators":\\["alloc-3"\\]\\}\\}'\\n$`,
        ),
      );
      // The printed line, run by curl, sends the same write.
      const curl = await spawnProc('sh', ['-c', dry.stdout], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ECE_API_KEY: 'instances-key-1' },
      });
      assert.equal(curl.code, 0, curl.stderr);
      assert.deepEqual(sent(s.requests), [
        `POST ${ES}/instances/instance-0000000000/_move`,
        `POST ${ES}/instances/instance-0000000000/_move {"plan_configuration":{"preferred_allocators":["alloc-3"]}}`,
      ]);
      assert.equal(s.requests.at(-1)?.headers.authorization, 'ApiKey instances-key-1');
    } finally {
      await s.close();
    }
  });
});

describe('deployments instances against the sandbox', () => {
  let t: TestSandbox;
  let e: Record<string, string>;
  before(async () => {
    t = await testSandbox({ deployments: 0, planDurationMs: 400 });
    e = { ECE_HOST: t.sb.url, ECE_API_KEY: t.sb.apiKey };
    const req = createRequest('herd');
    const es = (
      req.resources as Record<string, { plan: { cluster_topology: { zone_count: number }[] } }[]>
    ).elasticsearch?.[0];
    const el = es?.plan.cluster_topology[0];
    if (el) el.zone_count = 2;
    await t.call('POST', '/deployments', { body: req });
    await new Promise((r) => setTimeout(r, 600));
  });
  after(() => t.close());

  const rows = async (kind = 'elasticsearch') =>
    (await run(['deployments', 'instances', 'list', 'herd', '--kind', kind], { env: e })).stdout;

  it('stop, maintenance and move show in the list; unknown instances are exit 3', async () => {
    assert.equal(
      await rows(),
      'instance-0000000000\telasticsearch\tmain-elasticsearch\tece-zone-1\t192.168.44.10\t2g\trunning\tno\n' +
        'instance-0000000001\telasticsearch\tmain-elasticsearch\tece-zone-2\t192.168.44.11\t2g\trunning\tno\n',
    );
    const stop = await run(
      ['deployments', 'instances', 'stop', 'herd', 'instance-0000000001', '--yes'],
      { env: e },
    );
    assert.equal(stop.code, 0, stop.stderr);
    const on = await run(
      ['deployments', 'instances', 'maintenance', 'on', 'herd', '--all', '--yes'],
      { env: e },
    );
    assert.equal(on.code, 0, on.stderr);
    assert.equal(
      await rows(),
      'instance-0000000000\telasticsearch\tmain-elasticsearch\tece-zone-1\t192.168.44.10\t2g\trunning\tyes\n' +
        'instance-0000000001\telasticsearch\tmain-elasticsearch\tece-zone-2\t192.168.44.11\t2g\tstopped\tyes\n',
    );
    await run(['deployments', 'instances', 'start', 'herd', '--all'], { env: e });
    await run(['deployments', 'instances', 'maintenance', 'off', 'herd', 'instance-0000000000'], {
      env: e,
    });
    const move = await run(
      [
        'deployments',
        'instances',
        'move',
        'herd',
        'instance-0000000000',
        '--to',
        '192.168.44.12',
        '--yes',
        '--wait',
      ],
      { env: e },
    );
    assert.equal(move.code, 0, move.stderr);
    assert.match(move.stderr, /Plan finished in/);
    assert.equal(
      await rows(),
      'instance-0000000000\telasticsearch\tmain-elasticsearch\tece-zone-1\t192.168.44.12\t2g\trunning\tno\n' +
        'instance-0000000001\telasticsearch\tmain-elasticsearch\tece-zone-2\t192.168.44.11\t2g\trunning\tyes\n',
    );
    const unknown = await run(
      ['deployments', 'instances', 'start', 'herd', 'instance-0000000009'],
      { env: e },
    );
    assert.equal(unknown.code, 3);
    // ECE's own answer when the CLI's check is bypassed.
    const list = (await t.call('GET', '/deployments')).body as { deployments: { id: string }[] };
    const id = list.deployments[0]?.id ?? '';
    const ece = await t.call(
      'POST',
      `/deployments/${id}/elasticsearch/main-elasticsearch/instances/instance-9/_stop`,
    );
    assert.deepEqual(
      [ece.status, (ece.body as { errors: { code: string }[] }).errors[0]?.code],
      [404, 'deployments.instances_missing_on_update_error'],
    );
  });
});
