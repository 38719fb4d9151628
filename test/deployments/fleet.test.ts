// A fleet rollout (`deployments upgrade` over a selection) against the
// sandbox: 12 deployments on 8.14.3 upgraded 3 at a time, read from the
// sandbox's request log (never more than 3 plans at once; one search per poll
// whatever the number in flight, plus one read per deployment that ended);
// a plan that fails stops the rollout and a re-run resumes; --dry-run sends
// no write; Ctrl-C stops new starts. The sandbox's clock moves with each
// request of a run and the CLI's polls do not sleep: no wall-clock bound.
// Every request is checked against the spec when the sandbox closes.

import { describe, it } from 'node:test';
import type { Exchange } from '../../src/sandbox/server.js';
import assert from '../helpers/assert.js';
import { type RunOptions, type RunResult, run } from '../helpers/cli.js';
import { createRequest, type SuiteSandbox, useSandbox } from '../helpers/sandbox.js';

const PLAN_MS = 60_000;
const OLD = '8.14.3';
const NEW = '8.15.1';
const noPause = { pause: async () => {} };

/** A sandbox whose clock moves a twentieth of a plan with each request of a rollout. */
function fleetSandbox(): SuiteSandbox & {
  /** `ece …` with the clock moving and the CLI's polls not sleeping; `opts` are run()'s, over those. */
  rollout: (argv: string[], opts?: RunOptions) => Promise<RunResult>;
  /** Sees each exchange as the sandbox answers it. */
  watch: (f: ((e: Exchange) => void) | undefined) => void;
} {
  let moving = false;
  let watcher: ((e: Exchange) => void) | undefined;
  const t: SuiteSandbox = useSandbox({
    deployments: 0,
    fakeClock: true,
    planDurationMs: PLAN_MS,
    onExchange: (e) => {
      watcher?.(e);
      if (moving) t.advance(PLAN_MS / 20);
    },
  });
  return Object.assign(t, {
    rollout: async (argv: string[], opts: RunOptions = {}) => {
      moving = true;
      try {
        return await run(argv, { env: t.env, client: noPause, ...opts });
      } finally {
        moving = false;
      }
    },
    watch: (f: ((e: Exchange) => void) | undefined) => {
      watcher = f;
    },
  });
}

/** `count` small deployments on the old version (the sandbox's allocators hold them all). */
async function seed(t: SuiteSandbox, names: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of names) {
    const body = createRequest(name);
    const resources = body.resources as Record<string, { plan: Record<string, unknown> }[]>;
    for (const [kind, list] of Object.entries(resources))
      for (const r of list) (r.plan[kind] as { version: string }).version = OLD;
    const made = await t.call('POST', '/deployments', { body });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    ids.set(name, (made.body as { id: string }).id);
  }
  t.advance(2 * PLAN_MS);
  return ids;
}

const isPut = (e: Exchange) => e.method === 'PUT' && e.template === '/deployments/{id}';
/** Each row of the results table (stdout) as `name result exit`. */
const resultsOf = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => l.split('\t'))
    .map((c) => `${c[0]} ${c[4]} ${c[5]}`);
const idOf = (e: Exchange) => /\/deployments\/([0-9a-f]{32})/.exec(e.url)?.[1] ?? '';

/** The most plans running at once, from the log: each PUT starts one that runs PLAN_MS. */
function mostAtOnce(puts: Exchange[]): number {
  let most = 0;
  for (const p of puts) {
    const running = puts.filter((q) => q.at <= p.at && p.at < q.at + PLAN_MS).length;
    most = Math.max(most, running);
  }
  return most;
}

describe('deployments upgrade --below over 12 deployments (sandbox)', () => {
  const t = fleetSandbox();
  const names = Array.from({ length: 12 }, (_x, i) => `fleet-${String(i + 1).padStart(2, '0')}`);
  let ids = new Map<string, string>();

  it('--concurrency 3 --wait --yes upgrades all 12, never more than 3 plans at once; versions --below then exits 0', async () => {
    ids = await seed(t, names);
    const gate = await run(['deployments', 'versions', '--below', NEW], { env: t.env });
    assert.equal(gate.code, 10, gate.stderr);
    assert.equal(gate.stderr, `12 deployments run a version below ${NEW}.\n`);
    assert.deepEqual(
      gate.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t').slice(0, 2).join(' ')),
      names.map((n) => `${OLD} ${n}`),
    );

    const from = t.exchanges.length;
    const r = await t.rollout([
      'deployments',
      'upgrade',
      '--below',
      NEW,
      '--version',
      NEW,
      '--concurrency',
      '3',
      '--wait',
      '--yes',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      r.stdout.trim().split('\n'),
      names.map((n) => [n, ids.get(n), OLD, NEW, 'upgraded', '0', '-'].join('\t')),
    );
    const plan = r.stderr.split('\n').slice(0, 13);
    assert.deepEqual(plan, [
      `Rollout to ${NEW}, at most 3 at a time, in this order (12):`,
      ...names.map((n, i) => `  ${i + 1}. ${n} (${ids.get(n)}) from ${OLD}`),
    ]);
    assert.ok(r.stderr.endsWith('Rollout done: 12 upgraded, 0 failed, 0 skipped.\n'), r.stderr);
    for (const n of names) assert.match(r.stderr, new RegExp(`\n${n}: upgraded to ${NEW} in `));

    const log = t.exchanges.slice(from);
    const puts = log.filter(isPut);
    assert.equal(puts.length, 12);
    assert.equal(mostAtOnce(puts), 3, 'three at a time, never more');
    // Each PUT sends every resource at the new version, with ?version= as read.
    for (const p of puts) {
      assert.match(p.url, /\?version=\d+$/);
      const body = p.requestBody as {
        resources: Record<string, { plan: Record<string, { version: string }> }[]>;
      };
      for (const [kind, list] of Object.entries(body.resources))
        for (const x of list) assert.equal(x.plan[kind]?.version, NEW);
    }

    const gate2 = await run(['deployments', 'versions', '--below', NEW], { env: t.env });
    assert.deepEqual(
      [gate2.code, gate2.stdout, gate2.stderr],
      [0, '', `No deployment runs a version below ${NEW}.\n`],
    );
  });

  it('the requests of a poll do not grow with the deployments in flight: one search, plus one read per deployment that ended', () => {
    const start = t.exchanges.findIndex(
      (e) => e.method === 'GET' && e.url === '/api/v1/stack/versions',
    );
    const log = t.exchanges.slice(start);
    const kinds = new Map<string, number>();
    const polls: string[][] = [];
    const count = (k: string) => kinds.set(k, (kinds.get(k) ?? 0) + 1);
    for (const e of log) {
      if (e.method === 'POST' && e.url === '/api/v1/deployments/_search') {
        const body = e.requestBody as {
          sort?: unknown;
          query?: { bool?: { should?: { term: { id: { value: string } } }[] } };
        };
        if (body.sort) count('selection search');
        else {
          count('poll search');
          polls.push((body.query?.bool?.should ?? []).map((s) => s.term.id.value));
        }
      } else if (isPut(e)) count('update');
      else if (e.method === 'GET' && e.template === '/deployments/{id}') {
        if (e.url.includes('clear_transient=true')) count('read for update');
        else if (e.url.includes('show_plan_logs=true')) count('read of an ended upgrade');
        else if (e.url.includes('show_plan_history=true')) count('read before the change');
        else count(`other ${e.url}`);
      } else if (e.url === '/api/v1/stack/versions') count('stack versions');
      else if (e.url.includes('_search') || e.method !== 'GET') count(`other ${e.method} ${e.url}`);
      else count(`other ${e.url}`);
    }
    const polled = kinds.get('poll search') ?? 0;
    // The versions --below run after the rollout: one more selection search.
    assert.deepEqual(Object.fromEntries(kinds), {
      'stack versions': 1,
      'selection search': 2,
      'read for update': 12,
      'read before the change': 12,
      update: 12,
      'read of an ended upgrade': 12,
      'poll search': polled,
    });
    // One search a poll names every deployment in flight: 3 at a time here.
    assert.ok(polls.every((p) => p.length >= 1 && p.length <= 3));
    assert.ok(polls.filter((p) => p.length === 3).length >= 4, JSON.stringify(polls));
    // Per deployment: its start (3 requests) and one read when it ended; the rest is one search a poll.
    assert.equal(log.length - 2 - polled, 1 + 12 * 4);
  });
});

describe('deployments upgrade: a failed plan stops the rollout; a re-run resumes (sandbox)', () => {
  const t = fleetSandbox();
  const names = ['shop-1', 'shop-2', 'shop-3', 'shop-4', 'shop-5', 'shop-6'];
  const argv = [
    'deployments',
    'upgrade',
    '--below',
    NEW,
    '--version',
    NEW,
    '--concurrency',
    '2',
    '--yes',
    '--wait',
  ];

  it('exit 7 naming the deployment and the failed step; new starts stop, the one running is followed to its end', async () => {
    const ids = await seed(t, names);
    // The sandbox fails the plans of a deployment whose name says so.
    const failing = t.sb.state.get(ids.get('shop-3') ?? '');
    failing.name = 'shop-3-fail-plan';
    const from = t.exchanges.length;
    const r = await t.rollout(argv);
    assert.equal(r.code, 7, r.stderr);
    const err = `shop-3-fail-plan: elasticsearch main-elasticsearch plan failed at step remove-old-instances: Instances did not become healthy in time: [instance-0000000001] failed health checks`;
    assert.ok(r.stderr.includes(`\nerror: ${err}\n`), r.stderr);
    assert.ok(
      r.stderr.endsWith(
        'Stopped after a failure: 3 upgraded, 1 failed, 0 skipped, 2 not started; run the same command again to go on.\n',
      ),
      r.stderr,
    );
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    assert.deepEqual(
      rows.map((c) => `${c[0]} ${c[4]} ${c[5]}`),
      [
        'shop-1 upgraded 0',
        'shop-2 upgraded 0',
        'shop-3-fail-plan failed 7',
        'shop-4 upgraded 0',
        'shop-5 not started 0',
        'shop-6 not started 0',
      ],
    );
    const puts = t.exchanges.slice(from).filter(isPut).map(idOf);
    assert.deepEqual(
      puts,
      ['shop-1', 'shop-2', 'shop-3', 'shop-4'].map((n) => ids.get(n)),
    );

    // Fixed, the same command again: the upgraded are left alone, the rest upgraded.
    failing.name = 'shop-3';
    t.advance(PLAN_MS);
    const again = t.exchanges.length;
    const r2 = await t.rollout(argv);
    assert.equal(r2.code, 0, r2.stderr);
    assert.deepEqual(r2.stderr.split('\n').slice(0, 4), [
      `Rollout to ${NEW}, at most 2 at a time, in this order (3):`,
      `  1. shop-3 (${ids.get('shop-3')}) from ${OLD}`,
      `  2. shop-5 (${ids.get('shop-5')}) from ${OLD}`,
      `  3. shop-6 (${ids.get('shop-6')}) from ${OLD}`,
    ]);
    assert.deepEqual(
      t.exchanges.slice(again).filter(isPut).map(idOf),
      ['shop-3', 'shop-5', 'shop-6'].map((n) => ids.get(n)),
    );
    // Named, the upgraded ones show why they are skipped.
    const named = await run(
      ['deployments', 'upgrade', 'shop-1', 'shop-3', '--version', NEW, '--dry-run'],
      { env: t.env },
    );
    assert.equal(named.code, 0, named.stderr);
    // One result row per deployment, even when there is nothing to do.
    assert.equal(
      named.stdout,
      ['shop-1', 'shop-3']
        .map((n) => `${n}\t${ids.get(n)}\t${NEW}\t${NEW}\tskipped\t0\talready at ${NEW}\n`)
        .join(''),
    );
    assert.ok(
      named.stderr.endsWith(
        `Nothing to upgrade to ${NEW}.\nSkipped (2):\n  shop-1 (${ids.get('shop-1')}): already at ${NEW}\n  shop-3 (${ids.get('shop-3')}): already at ${NEW}\n`,
      ),
      named.stderr,
    );
  });
});

describe('deployments upgrade over a selection: dry run, confirmation, Ctrl-C (sandbox)', () => {
  const t = fleetSandbox();
  const names = ['web-a', 'web-b', 'web-c', 'web-d', 'web-e'];
  let ids = new Map<string, string>();

  it('--dry-run prints the order and each update as curl, in that order, and sends no write', async () => {
    ids = await seed(t, names);
    const from = t.exchanges.length;
    const r = await run(
      [
        'deployments',
        'upgrade',
        '--search',
        'name:web-*',
        '--version',
        NEW,
        '--canary',
        'web-c',
        '--concurrency',
        '2',
        '--dry-run',
      ],
      { env: t.env },
    );
    assert.equal(r.code, 0, r.stderr);
    const order = ['web-c', 'web-a', 'web-b', 'web-d', 'web-e'];
    const curls = r.stdout.trim().split('\n');
    assert.deepEqual(
      curls.map((c) => /-X PUT '[^']*\/deployments\/([0-9a-f]{32})\?version=\d+'/.exec(c)?.[1]),
      order.map((n) => ids.get(n)),
    );
    assert.ok(
      r.stderr.includes(
        [
          `Rollout to ${NEW}, at most 2 at a time, in this order (5):`,
          ...order.map(
            (n, i) =>
              `  ${i + 1}. ${n} (${ids.get(n)}) from ${OLD}${n === 'web-c' ? ' (canary)' : ''}`,
          ),
        ].join('\n'),
      ),
      r.stderr,
    );
    assert.ok(
      t.exchanges.slice(from).every((e) => e.method === 'GET' || e.url.endsWith('/_search')),
    );
  });

  it('--canary without a terminal and without --yes: exit 2 before any request', async () => {
    const from = t.exchanges.length;
    const r = await run(
      ['deployments', 'upgrade', '--all', '--version', NEW, '--canary', 'web-a'],
      { env: t.env },
    );
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [2, '', 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    assert.equal(t.exchanges.length, from);
  });

  it('bad selections are usage errors before any request', async () => {
    const cases: [string[], string][] = [
      [
        ['--version', NEW],
        'error: give the deployments to upgrade, or select them with --search, --below or --all\n',
      ],
      [
        ['web-a', '--all', '--version', NEW],
        'error: give deployments by name, or select them with --search or --all, not both\n',
      ],
      [
        ['--all', '--version', NEW, '--concurrency', '0'],
        'error: invalid --concurrency "0": use a number from 1 to 100\n',
      ],
      [
        ['--below', '8.x', '--version', NEW],
        'error: invalid --below "8.x": give a stack version like 8.15.3\n',
      ],
    ];
    for (const [args, stderr] of cases) {
      const from = t.exchanges.length;
      const r = await run(['deployments', 'upgrade', ...args, '--yes'], { env: t.env });
      assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', stderr], args.join(' '));
      assert.equal(t.exchanges.length, from, args.join(' '));
    }
  });

  it('Ctrl-C during a wave: exit 130, nothing new starts, the running plans are left to ECE', async () => {
    const controller = new AbortController();
    const from = t.exchanges.length;
    let puts = 0;
    // Ctrl-C as the second update reaches ECE.
    t.watch((e) => {
      if (isPut(e) && ++puts === 2) controller.abort();
    });
    const r = await t.rollout(
      [
        'deployments',
        'upgrade',
        '--search',
        'name:web-*',
        '--version',
        NEW,
        '--concurrency',
        '2',
        '--yes',
        '--wait',
      ],
      { signal: controller.signal },
    );
    t.watch(undefined);
    assert.equal(r.code, 130, r.stderr);
    const sent = t.exchanges.slice(from).filter(isPut).map(idOf);
    assert.deepEqual(
      sent,
      ['web-a', 'web-b'].map((n) => ids.get(n)),
    );
    assert.match(
      r.stderr,
      /\nInterrupted: 0 upgraded, 0 failed, 0 skipped, 2 still upgrading in ECE \(web-a, web-b\), 3 not started; run the same command again to go on\.\n$/,
    );
    assert.deepEqual(resultsOf(r.stdout), [
      'web-a running 130',
      'web-b running 130',
      'web-c not started 0',
      'web-d not started 0',
      'web-e not started 0',
    ]);
  });
});

describe('deployments upgrade: canaries first, --json, progress on a terminal (sandbox)', () => {
  const t = fleetSandbox();
  const names = ['api-1', 'api-2', 'api-3', 'api-4'];

  it('--canary goes first and ends before the rest start; --yes answers the question after it; --json gives a result per deployment', async () => {
    const ids = await seed(t, names);
    const from = t.exchanges.length;
    const r = await t.rollout([
      'deployments',
      'upgrade',
      'api-1',
      'api-2',
      'api-3',
      'api-4',
      '--version',
      NEW,
      '--canary',
      'api-3',
      '--concurrency',
      '3',
      '--yes',
      '--json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const puts = t.exchanges.slice(from).filter(isPut);
    assert.deepEqual(
      puts.map(idOf),
      ['api-3', 'api-1', 'api-2', 'api-4'].map((n) => ids.get(n)),
    );
    const [canary, ...rest] = puts.map((p) => p.at);
    for (const at of rest) assert.ok(at >= (canary ?? 0) + PLAN_MS, 'the rest wait for the canary');
    assert.equal(mostAtOnce(puts), 3);
    assert.deepEqual(
      JSON.parse(r.stdout),
      ['api-3', 'api-1', 'api-2', 'api-4'].map((n) => ({
        id: ids.get(n),
        name: n,
        from: OLD,
        to: NEW,
        result: 'upgraded',
        exit_code: 0,
      })),
    );
  });

  it('on a terminal, "n" after the canaries: the rest are not started, exit 2, and a re-run goes on', async () => {
    const more = ['ops-1', 'ops-2', 'ops-3'];
    const ids = await seed(t, more);
    const from = t.exchanges.length;
    const argv = ['deployments', 'upgrade', ...more, '--version', NEW, '--canary', 'ops-2'];
    const r = await t.rollout(argv, {
      env: { ...t.env, NO_COLOR: '1' },
      stderrTTY: true,
      answers: ['y', 'n'],
    });
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(
      t.exchanges.slice(from).filter(isPut).map(idOf),
      [ids.get('ops-2')],
      'only the canary was upgraded',
    );
    assert.ok(
      r.stderr.includes('The canaries are done. Upgrade the other 2 deployments? [y/N] n\n'),
    );
    assert.match(
      r.stderr,
      /\nStopped after the canaries: 1 upgraded, 0 failed, 0 skipped, 2 not started; run the same command again to go on\.\n$/,
    );
    assert.deepEqual(resultsOf(r.stdout), [
      'ops-2 upgraded 0',
      'ops-1 cancelled 0',
      'ops-3 cancelled 0',
    ]);
    // Again, answering yes: the canary is done already (skipped), the rest go.
    const from2 = t.exchanges.length;
    const again = await t.rollout([...argv.slice(0, 5), '--version', NEW, '--yes']);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(
      t.exchanges.slice(from2).filter(isPut).map(idOf).sort(),
      [ids.get('ops-1'), ids.get('ops-3')].sort(),
    );
  });

  it('on a terminal: live lines on stderr, the cursor given back; a table on stdout', async () => {
    const body = createRequest('api-5');
    const res = body.resources as Record<string, { plan: Record<string, { version: string }> }[]>;
    for (const [kind, list] of Object.entries(res))
      for (const x of list) (x.plan[kind] as { version: string }).version = OLD;
    assert.equal((await t.call('POST', '/deployments', { body })).status, 201);
    t.advance(2 * PLAN_MS);
    const r = await t.rollout(
      ['deployments', 'upgrade', '--below', NEW, '--version', NEW, '--yes'],
      {
        env: { ...t.env, NO_COLOR: '1' },
        tty: true,
        columns: 200,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.includes('\u001b[?25l'), 'the cursor is hidden while lines are redrawn');
    assert.match(r.stderr, /✓ api-5: upgraded to 8\.15\.1 in /);
    assert.ok(r.stderr.includes('\u001b[?25h'), 'the cursor is given back');
    assert.match(r.stderr, /Rollout done: 1 upgraded, 0 failed, 0 skipped\.\n$/);
    assert.match(
      r.stdout,
      /^NAME +ID +FROM +TO +RESULT +EXIT +DETAIL\napi-5 +[0-9a-f]{32} +8\.14\.3 +8\.15\.1 +upgraded +0 +-\n$/,
    );
  });
});

describe('deployments upgrade --max-failures (sandbox)', () => {
  const t = fleetSandbox();

  it('goes on past K-1 failures, stops new starts at K, and still exits 7', async () => {
    const ids = await seed(t, ['m-1', 'm-2', 'm-3', 'm-4']);
    for (const n of ['m-2', 'm-3']) t.sb.state.get(ids.get(n) ?? '').name = `${n}-fail-plan`;
    const r = await t.rollout([
      'deployments',
      'upgrade',
      '--all',
      '--version',
      NEW,
      '--max-failures',
      '2',
      '--yes',
    ]);
    assert.equal(r.code, 7, r.stderr);
    assert.deepEqual(resultsOf(r.stdout), [
      'm-1 upgraded 0',
      'm-2-fail-plan failed 7',
      'm-3-fail-plan failed 7',
      'm-4 not started 0',
    ]);
    assert.match(
      r.stderr,
      /\nerror: m-2-fail-plan: elasticsearch main-elasticsearch plan failed at step /,
    );
    assert.match(
      r.stderr,
      /\nerror: m-3-fail-plan: elasticsearch main-elasticsearch plan failed at step /,
    );
  });
});
