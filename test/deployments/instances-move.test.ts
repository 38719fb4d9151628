// deployments instances move against a scripted server (instances-fixtures.ts),
// and every instance verb end to end against the sandbox, whose deployment
// shows what each command changed.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { shell } from '../helpers/shell.js';
import { ES, env, ID, sent, server } from './instances-fixtures.js';

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
          `^printf .* \\| curl -sS -g -K - -X POST ${s.url}${ES}/instances/instance-0000000000/_move .*--data-raw '\\{"plan_configuration":\\{"preferred_allocators":\\["alloc-3"\\]\\}\\}'\\n$`,
        ),
      );
      // The printed line, run by curl, sends the same write.
      const curl = await shell(dry.stdout, { ECE_API_KEY: 'instances-key-1' });
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
    e = t.env;
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
      'instance-0000000000\telasticsearch\tmain-elasticsearch\tece-zone-3\t192.168.44.12\t2g\trunning\tno\n' +
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
