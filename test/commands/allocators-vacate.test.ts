// `ece allocators vacate` against the sandbox: instances end on other
// allocators, every moved plan followed, the host empty; a failing move → 7,
// the deadline → 8, Ctrl-C → 130, no room → 5. The exact requests are in
// allocators-vacate-requests.test.ts.

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { useVirtualClock } from '../helpers/time.js';
import { ua } from './platform-admin-helpers.js';

const HOST = '192.168.44.11';
const SYSTEM = ['admin-console-elasticsearch', 'logging-and-metrics', 'security-cluster'];

type Instance = { cluster_name: string; cluster_type: string; moving: boolean };
type Allocator = { allocator_id: string; instances: Instance[] };

async function sandbox(planDurationMs: number, fakeClock = false): Promise<TestSandbox> {
  const t = await testSandbox({ deployments: 2, planDurationMs, fakeClock });
  registerSecret(t.sb.apiKey);
  return t;
}
const envOf = (t: TestSandbox) => t.env;
const allocator = async (t: TestSandbox, id: string) =>
  (await t.call('GET', `/platform/infrastructure/allocators/${id}`)).body as Allocator;

describe('allocators vacate against the sandbox', () => {
  // Moves take the sandbox's plan time; --wait polls move the clock on (no real wait).
  const clock = useVirtualClock();
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('--wait: every instance ends on another allocator, every plan followed, exit 0', async () => {
    t = await sandbox(1_200);
    const before = await allocator(t, HOST);
    assert.equal(
      (await allocator(t, '192.168.44.10')).instances.length +
        (await allocator(t, '192.168.44.12')).instances.length,
      10,
    );
    const names = before.instances.map((i) => i.cluster_name);
    assert.deepEqual(names, [...SYSTEM, 'prod-logs', 'search-staging']);
    const r = await run(['allocators', 'vacate', HOST, '--wait', '--yes', '--concurrency', '2'], {
      env: envOf(t),
      clock,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    for (const name of names) {
      assert.match(r.stderr, new RegExp(`^deployment ${name}: elasticsearch: migrate-data$`, 'm'));
      assert.match(r.stderr, new RegExp(`^deployment ${name}: finished in \\d+(\\.\\d+)?s$`, 'm'));
    }
    assert.match(
      r.stderr,
      /\nMoved 5 resources of 5 deployments off 192\.168\.44\.11 in \d+(\.\d+)?s\.\nAllocator 192\.168\.44\.11 is empty\.\n$/,
    );
    assert.deepEqual((await allocator(t, HOST)).instances, []);
    const elsewhere = async () =>
      [
        ...(await allocator(t as TestSandbox, '192.168.44.10')).instances,
        ...(await allocator(t as TestSandbox, '192.168.44.12')).instances,
      ].map((i) => i.cluster_name);
    const after = await elsewhere();
    assert.equal(after.length, 10 + 5);
    for (const name of names) assert.ok(after.includes(name), name);
    // The deployment views agree: no instance of prod-logs is on the host any more.
    const show = await run(['deployments', 'show', 'prod-logs', '--json'], {
      env: envOf(t),
      clock,
    });
    assert.doesNotMatch(show.stdout, /"allocator_id":"192\.168\.44\.11"/);
  });

  it('a move whose plan fails: exit 7 naming the deployment; the instance stays', async () => {
    t = await sandbox(900, true);
    const created = await t.call('POST', '/deployments', { body: { name: 'fail-move-demo' } });
    assert.equal(created.status, 201);
    t.advance(1_000);
    const r = await run(
      [
        'allocators',
        'vacate',
        '192.168.44.10',
        '--deployment',
        'fail-move-demo',
        '--wait',
        '--yes',
      ],
      { env: envOf(t), clock },
    );
    assert.equal(r.code, 7, r.stderr);
    assert.match(r.stderr, /\nerror: the move failed for fail-move-demo\n/);
    assert.match(
      r.stderr,
      /\nerror: fail-move-demo: elasticsearch [0-9a-f]{32}: the plan failed at step remove-old-instances: /,
    );
    const left = (await allocator(t, '192.168.44.10')).instances;
    assert.ok(
      left.some((i) => i.cluster_name === 'fail-move-demo' && i.cluster_type === 'elasticsearch'),
    );
  });

  it('on a terminal: one live line per deployment, each ending with a tick', async () => {
    t = await sandbox(600);
    const r = await run(
      [
        'allocators',
        'vacate',
        HOST,
        '--deployment',
        'prod-logs',
        '--deployment',
        'search-staging',
        '--wait',
        '--yes',
        '--no-color',
      ],
      {
        env: envOf(t),
        clock,
        stderrTTY: true,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    const screen = r.stderr.replace(
      new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g'),
      '',
    );
    assert.match(screen, /✓ deployment prod-logs\s+done in \d+(\.\d+)?s/);
    assert.match(screen, /✓ deployment search-staging\s+done in \d+(\.\d+)?s/);
    assert.match(
      screen,
      /Moved 2 resources of 2 deployments off 192\.168\.44\.11 in \d+(\.\d+)?s\.\nAllocator 192\.168\.44\.11 still runs 3 instances \(elasticsearch\), not asked to move\.\n$/,
    );
  });

  it('Ctrl-C while following: exit 130, started moves go on, the rest is named', async () => {
    t = await sandbox(20_000);
    const sb = t;
    // Ctrl-C once the first move is followed (what SIGINT does to the binary).
    const ctrlC = new AbortController();
    const timer = setInterval(() => {
      if (sb.exchanges.some((e) => e.method === 'GET' && e.url.includes('show_plan_logs'))) {
        clearInterval(timer);
        ctrlC.abort();
      }
    }, 20);
    const r = await run(['allocators', 'vacate', HOST, '--wait', '--yes', '--concurrency', '1'], {
      env: envOf(t),
      realSleep: true,
      signal: ctrlC.signal,
    }).finally(() => clearInterval(timer));
    assert.equal(r.code, 130, r.stderr);
    assert.equal(
      r.stderr.trimEnd().split('\n').at(-1),
      'error: stopped; the moves already started go on in ECE (admin-console-elasticsearch); not started: logging-and-metrics, security-cluster, prod-logs, search-staging',
    );
    const moving = (await allocator(t, HOST)).instances.filter((i) => i.moving);
    assert.deepEqual(
      moving.map((i) => i.cluster_name),
      ['admin-console-elasticsearch'],
    );
  });

  it('the deadline: exit 8 naming what still moves', async () => {
    t = await sandbox(30_000);
    const r = await run(
      [
        'allocators',
        'vacate',
        HOST,
        '--deployment',
        'prod-logs',
        '--wait',
        '--wait-timeout',
        '1s',
        '--yes',
      ],
      { env: envOf(t), clock },
    );
    assert.equal(r.code, 8, r.stderr);
    assert.match(
      r.stderr,
      /\nerror: gave up waiting after 1(\.\d+)?s \(--wait-timeout\); still moving: prod-logs; the moves go on in ECE\n/,
    );
  });

  it('no room elsewhere: ECE refuses, exit 5 naming the deployments, nothing moves', async () => {
    t = await sandbox(500);
    for (const id of ['192.168.44.10', '192.168.44.12'])
      await t.call('POST', `/platform/infrastructure/allocators/${id}/maintenance-mode/_start`);
    const r = await run(['allocators', 'vacate', HOST, '--kind', 'es', '--yes'], {
      env: envOf(t),
      clock,
    });
    assert.equal(r.code, 5, r.stderr);
    assert.match(
      r.stderr,
      /warning: ECE would not move elasticsearch [0-9a-f]{32} of prod-logs: No allocator has room for the elasticsearch cluster \[[0-9a-f]{32}\] outside allocator \[192\.168\.44\.11\] \(clusters\.cluster_insufficient_capacity\)\n/,
    );
    assert.match(
      r.stderr,
      /error: ECE refused to move admin-console-elasticsearch, .*search-staging\n/,
    );
    assert.equal((await allocator(t, HOST)).instances.length, 5);
  });

  it('two allocators with --maintenance: both in maintenance first, a deployment with a pending plan skipped on each, exit 0', async () => {
    t = await sandbox(60_000, true);
    const created = await t.call('POST', '/deployments', { body: { name: 'pending-demo' } });
    assert.equal(created.status, 201);
    const r = await run(
      [
        'allocators',
        'vacate',
        '192.168.44.10',
        HOST,
        '--deployment',
        'prod-logs',
        '--deployment',
        'pending-demo',
        '--maintenance',
        '--yes',
      ],
      { env: envOf(t), clock },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trimEnd().split('\n');
    const skips = lines.filter((l) => l.startsWith('warning: skipping '));
    assert.deepEqual(
      skips.map((l) => l.replace(/[0-9a-f]{32}/, 'ID')),
      [
        'warning: skipping elasticsearch ID of pending-demo: There is a plan still pending, cancel that or wait for it to complete before restarting (clusters.cluster_plan_state_error)',
        'warning: skipping kibana ID of pending-demo: There is a plan still pending, cancel that or wait for it to complete before restarting (clusters.cluster_plan_state_error)',
        'warning: skipping elasticsearch ID of pending-demo: There is a plan still pending, cancel that or wait for it to complete before restarting (clusters.cluster_plan_state_error)',
        // prod-logs has Elasticsearch instances on both: its first move's plan is pending.
        'warning: skipping elasticsearch ID of prod-logs: There is a plan still pending, cancel that or wait for it to complete before restarting (clusters.cluster_plan_state_error); this run moves it off 192.168.44.10 first',
      ],
    );
    // Maintenance mode first, then the moves.
    const firstMove = lines.findIndex((l) => l.startsWith('Moving '));
    assert.deepEqual(lines.slice(firstMove - 2, firstMove), [
      'Allocator 192.168.44.10 is in maintenance mode now.',
      `Allocator ${HOST} is in maintenance mode now.`,
    ]);
    assert.deepEqual(lines.slice(-2), [
      'Started 3 moves off 192.168.44.10; follow them with `ece allocators show 192.168.44.10` or use --wait. Skipped pending-demo (a plan is still pending): vacate 192.168.44.10 again once it has ended.',
      `Nothing moved off ${HOST}. Skipped prod-logs, pending-demo (a plan is still pending): vacate ${HOST} again once it has ended.`,
    ]);
    for (const id of ['192.168.44.10', HOST]) {
      const a = (await t.call('GET', `/platform/infrastructure/allocators/${id}`))
        .body as Allocator & {
        status: { maintenance_mode: boolean };
      };
      assert.equal(a.status.maintenance_mode, true, id);
      const pending = a.instances.filter((i) => i.cluster_name === 'pending-demo');
      assert.ok(pending.length > 0 && pending.every((i) => !i.moving), id);
    }
  });

  it('--wait over two allocators: a resource on both moves off one, then the other; both end without it', async () => {
    t = await sandbox(600);
    const r = await run(
      [
        'allocators',
        'vacate',
        '192.168.44.10',
        HOST,
        '--deployment',
        'prod-logs',
        '--maintenance',
        '--wait',
        '--yes',
      ],
      { env: envOf(t), clock },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /warning/);
    assert.match(
      r.stderr,
      /\nMoved 3 resources of 1 deployment off 192\.168\.44\.10 in \d+(\.\d+)?s\.\nAllocator 192\.168\.44\.10 still runs \d+ instances \([a-z_, ]+\), not asked to move\.\nMoved 1 resource of 1 deployment off 192\.168\.44\.11 in \d+(\.\d+)?s\.\nAllocator 192\.168\.44\.11 still runs 4 instances \(elasticsearch\), not asked to move\.\n$/,
    );
    for (const id of ['192.168.44.10', HOST])
      assert.ok(
        !(await allocator(t, id)).instances.some((i) => i.cluster_name === 'prod-logs'),
        id,
      );
  });

  it('--dry-run: the validate pass is sent, the moves are shown, nothing moves', async () => {
    t = await sandbox(500);
    const r = await run(['allocators', 'vacate', HOST, '--deployment', 'prod-logs', '--dry-run'], {
      env: envOf(t),
      clock,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      ua(r.stdout),
      /^printf .* \| curl -sS -g -K - -X POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/platform\/infrastructure\/allocators\/192\.168\.44\.11\/clusters\/elasticsearch\/_move .*--data-raw '\{"elasticsearch_clusters":\[\{"cluster_ids":\["[0-9a-f]{32}"\],"plan_override":\{"plan_configuration":\{"move_allocators":\[\{"from":"192\.168\.44\.11"\}\],"move_only":true\}\}\}\]\}'\n$/,
    );
    assert.match(
      r.stderr,
      /dry run: reading POST \/api\/v1\/platform\/infrastructure\/allocators\/192\.168\.44\.11\/clusters\/_move\n/,
    );
    assert.equal((await allocator(t, HOST)).instances.length, 5);
  });

  it('nothing to move, unknown deployment, bad flags', async () => {
    t = await sandbox(500);
    const env = envOf(t);
    const empty = await run(['allocators', 'vacate', '192.168.44.12', '--yes'], { env });
    assert.deepEqual(
      [empty.code, empty.stdout, empty.stderr],
      [0, '', 'Nothing to move: allocator 192.168.44.12 runs no instance to move.\n'],
    );
    const cases: [string[], number, string][] = [
      [
        ['--deployment', 'nope', '--yes'],
        3,
        `error: no instance of deployment "nope" runs on allocator ${HOST}\n`,
      ],
      [
        ['--concurrency', '0', '--yes'],
        2,
        'error: invalid --concurrency "0": use a whole number from 1 to 64\n',
      ],
      [
        ['--kind', 'integrations_server', '--yes'],
        2,
        'error: invalid --kind "integrations_server": use one of elasticsearch, kibana, apm, appsearch, enterprise_search\n',
      ],
      [['--target', HOST, '--yes'], 2, `error: --target ${HOST} is the allocator being vacated\n`],
      [[], 2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    ];
    for (const [flags, code, stderr] of cases) {
      const r = await run(['allocators', 'vacate', HOST, ...flags], { env });
      assert.deepEqual([r.code, r.stdout, r.stderr], [code, '', stderr], flags.join(' '));
    }
    const missing = await run(['allocators', 'vacate', '10.9.9.9', '--yes'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: Allocator [10.9.9.9] cannot be found (allocators.allocator_not_found)\n'],
    );
    assert.equal((await allocator(t, HOST)).instances.length, 5);
  });
});
