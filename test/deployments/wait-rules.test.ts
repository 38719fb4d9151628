// --wait as ECE's own trackers follow plans, each case a scripted server:
// only the resources that get a new attempt are followed; ours is found by
// id or by position; a failed creation is read from the history; the real
// failing step is named, not plan-completed; ours failing is a failure even
// when a newer attempt succeeded.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { json, type Recorded, startServer } from '../helpers/server.js';
import { stopwatch, useVirtualClock } from '../helpers/time.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef34';
type Attempt = Record<string, unknown>;
type PlanInfo = { current?: Attempt; pending?: Attempt; history?: Attempt[] };

function resource(kind: string, status: string, p: PlanInfo) {
  return {
    ref_id: `main-${kind}`,
    id: kind.slice(0, 1).repeat(32),
    region: 'ece-region',
    info: { healthy: true, status, plan_info: { healthy: true, history: [], ...p } },
  };
}

/** A deployment: `kind: [status, plan info]` per resource. */
function deployment(parts: Record<string, [string, PlanInfo]>) {
  const resources: Record<string, unknown[]> = {
    elasticsearch: [],
    kibana: [],
    apm: [],
    integrations_server: [],
    enterprise_search: [],
    appsearch: [],
  };
  for (const [kind, [status, p]] of Object.entries(parts))
    resources[kind] = [resource(kind, status, p)];
  return { id: ID, name: 'scripted', healthy: true, resources };
}

const step = (id: string, status = 'success', message?: string) => ({
  step_id: id,
  started: '2026-11-29T00:00:00Z',
  status,
  stage: status === 'pending' ? 'in_progress' : 'completed',
  info_log: message ? [{ timestamp: '2026-11-29T00:00:01Z', message, stage: 'completed' }] : [],
});
const attempt = (id: string | undefined, steps: ReturnType<typeof step>[], extra = {}) => ({
  ...(id ? { plan_attempt_id: id } : {}),
  healthy: !steps.some((s) => s.status === 'error'),
  attempt_start_time: `2026-11-29T00:00:0${id?.length ?? 0}Z`,
  plan_attempt_log: steps,
  ...extra,
});
const OK = (id?: string, start = '1') =>
  attempt(id, [step('plan-validator'), step('rolling-restart'), step('plan-completed')], {
    attempt_start_time: `2026-11-29T00:0${start}:00Z`,
  });
const RUNNING = (id?: string, start = '1') =>
  attempt(id, [step('plan-validator'), step('rolling-restart', 'pending')], {
    attempt_start_time: `2026-11-29T00:0${start}:00Z`,
  });
const FAILED = (id?: string, start = '1') =>
  attempt(
    id,
    [
      step('plan-validator'),
      step('wait-until-running', 'error', 'Instance instance-0000000000 did not start'),
      step('plan-completed', 'error', 'Unexpected error during step: [plan-completed]'),
    ],
    {
      attempt_start_time: `2026-11-29T00:0${start}:00Z`,
      error: { message: 'Unexpected error during step: [plan-completed]', details: {} },
    },
  );

/** Serves the snapshot (a GET without logs), then one scripted answer per poll. */
async function scripted(
  snapshot: unknown,
  polls: ((req: Recorded) => unknown)[],
  write: unknown = {},
) {
  let n = 0;
  const server = await startServer((req, res) => {
    if (req.method !== 'GET')
      return json(
        res,
        req.method === 'POST' && req.url.startsWith('/api/v1/deployments?') ? 201 : 202,
        write,
      );
    if (!req.url.includes('show_plan_logs=true')) return json(res, 200, snapshot);
    const answer = polls[Math.min(n++, polls.length - 1)] as (req: Recorded) => unknown;
    return json(res, 200, answer(req));
  });
  return { server, polls: () => n };
}

const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'wait-rules-key-1' });
const lines = (stderr: string, prefix: string) =>
  stderr.split('\n').filter((l) => l.startsWith(prefix));

describe('--wait follows the resources that get a new attempt', () => {
  it('update --wait: the reads that learn whether a plan started end at --wait-timeout too (exit 8; issue 23, item 7)', async () => {
    const before = deployment({
      elasticsearch: ['started', { current: OK('es-1'), history: [OK('es-1')] }],
    });
    const timers = new Set<NodeJS.Timeout>();
    const server = await startServer((req, res) => {
      if (req.method !== 'GET') return json(res, 202, { id: ID, name: 'scripted', resources: [] });
      if (!req.url.includes('show_plan_logs=true')) return json(res, 200, before);
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 1_000);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
    });
    const file = `${process.env.TMPDIR ?? '/tmp'}/wait-rules-trickle-${process.pid}.json`;
    const { writeFileSync, rmSync } = await import('node:fs');
    writeFileSync(
      file,
      JSON.stringify({
        prune_orphans: false,
        resources: {
          elasticsearch: [
            {
              ref_id: 'main-elasticsearch',
              region: 'ece-region',
              plan: { cluster_topology: [], elasticsearch: { version: '8.15.1' } },
            },
          ],
        },
      }),
    );
    try {
      const clock = stopwatch();
      const r = await run(
        [
          'deployments',
          'update',
          ID,
          '-f',
          file,
          '--wait',
          '--wait-timeout',
          '2s',
          '--timeout',
          '60s',
        ],
        { env: env(server.url), realSleep: true },
      );
      assert.equal(r.code, 8, r.stderr);
      assert.equal(
        r.stderr.split('\n').at(-2),
        `error: gave up waiting (--wait-timeout) before ECE showed whether a plan started; see \`ece deployments plan history ${ID}\``,
      );
      // The product's bound is the 2 s wait; without the fix it is the 60 s of --timeout.
      clock.atMost(2_500, 'update --wait against a trickling read', 2_000);
    } finally {
      for (const t of timers) clearInterval(t);
      rmSync(file, { force: true });
      await server.close();
    }
  });

  // The rest follow plans at the CLI's poll interval, on a virtual clock (no real wait).
  describe('polling on a virtual clock', () => {
    const clock = useVirtualClock();

    it('update of Elasticsearch and Kibana where only Elasticsearch gets a plan: exit 0 within seconds', async (t) => {
      const before = deployment({
        elasticsearch: ['started', { current: OK('es-1'), history: [OK('es-1')] }],
        kibana: ['started', { current: OK('kb-1'), history: [OK('kb-1')] }],
      });
      const after = deployment({
        elasticsearch: ['started', { current: OK('es-2', '2'), history: [] }],
        kibana: ['started', { current: OK('kb-1'), history: [] }],
      });
      const { server } = await scripted(
        before,
        [
          () =>
            deployment({
              elasticsearch: ['started', { current: OK('es-1'), pending: RUNNING('es-2', '2') }],
              kibana: ['started', { current: OK('kb-1') }],
            }),
          () => after,
        ],
        { id: ID, name: 'scripted', resources: [] },
      );
      const file = join(tempDir('ece-wait-rules-', t), 'update.json');
      writeFileSync(
        file,
        JSON.stringify({
          prune_orphans: false,
          resources: {
            elasticsearch: [
              {
                ref_id: 'main-elasticsearch',
                region: 'ece-region',
                plan: { cluster_topology: [], elasticsearch: { version: '8.15.1' } },
              },
            ],
            kibana: [
              {
                ref_id: 'main-kibana',
                elasticsearch_cluster_ref_id: 'main-elasticsearch',
                region: 'ece-region',
                plan: { cluster_topology: [], kibana: { version: '8.15.1' } },
              },
            ],
          },
        }),
      );
      try {
        const started = clock.moved();
        const r = await run(
          ['deployments', 'update', ID, '-f', file, '--wait', '--wait-timeout', '20s'],
          {
            env: env(server.url),
            clock,
          },
        );
        assert.equal(r.code, 0, r.stderr);
        // Three polls at the CLI's 1 s, not the 20 s of waiting for Kibana.
        assert.equal(clock.moved() - started, 3_000);
        assert.deepEqual(lines(r.stderr, 'elasticsearch'), [
          'elasticsearch main-elasticsearch: plan-validator',
          'elasticsearch main-elasticsearch: rolling-restart',
          'elasticsearch main-elasticsearch: plan-completed',
          lines(r.stderr, 'elasticsearch main-elasticsearch: finished in')[0],
        ]);
        assert.equal(lines(r.stderr, 'kibana')[0], 'kibana main-kibana: no new plan: unchanged');
      } finally {
        await server.close();
      }
    });

    it('a single-target restart whose plan appears only after two polls is followed, not skipped', async () => {
      const old = { current: OK('es-1'), history: [OK('es-1')] };
      const { server, polls } = await scripted(deployment({ elasticsearch: ['started', old] }), [
        () => deployment({ elasticsearch: ['started', { current: OK('es-1') }] }),
        () => deployment({ elasticsearch: ['started', { current: OK('es-1') }] }),
        () =>
          deployment({
            elasticsearch: ['started', { current: OK('es-1'), pending: RUNNING('es-2', '2') }],
          }),
        () => deployment({ elasticsearch: ['started', { current: FAILED('es-2', '2') }] }),
      ]);
      try {
        const r = await run(
          ['deployments', 'restart', ID, '--ref-id', 'main-elasticsearch', '--wait'],
          { env: env(server.url), clock },
        );
        assert.equal(r.code, 7, r.stderr);
        assert.equal(polls(), 4);
        assert.equal(
          r.stderr.trimEnd().split('\n').at(-1),
          'error: elasticsearch main-elasticsearch: the plan failed at step wait-until-running: Instance instance-0000000000 did not start',
        );
      } finally {
        await server.close();
      }
    });

    it('a failed creation, only in the history, ending in plan-completed/error: exit 7 naming the real step', async () => {
      const created = {
        id: ID,
        name: 'scripted',
        created: true,
        resources: [
          {
            ref_id: 'main-elasticsearch',
            id: 'e'.repeat(32),
            kind: 'elasticsearch',
            region: 'ece-region',
            cloud_id: 'x:y',
            credentials: { username: 'elastic', password: 'wait-rules-password-1' },
          },
        ],
      };
      const { server, polls } = await scripted(
        {},
        [
          (req) =>
            deployment({
              elasticsearch: [
                'initializing',
                req.url.includes('show_plan_history=true') ? { history: [FAILED()] } : {},
              ],
            }),
        ],
        created,
      );
      try {
        const r = await run(
          ['deployments', 'create', '--template-id', 'default', '--name', 'scripted', '--wait'],
          {
            env: env(server.url),
            clock,
            secretOnStdout: true,
          },
        );
        assert.equal(r.code, 7, r.stderr);
        assert.equal(polls(), 2);
        assert.equal(
          r.stderr.trimEnd().split('\n').at(-1),
          'error: elasticsearch main-elasticsearch: the plan failed at step wait-until-running: Instance instance-0000000000 did not start',
        );
      } finally {
        await server.close();
      }
    });

    it('ours failed and a newer attempt succeeded: exit 7, and it says so', async () => {
      const { server } = await scripted(
        deployment({ elasticsearch: ['started', { current: OK('es-1'), history: [OK('es-1')] }] }),
        [
          () =>
            deployment({
              elasticsearch: ['started', { current: OK('es-1'), pending: RUNNING('es-2', '2') }],
            }),
          (req) =>
            deployment({
              elasticsearch: [
                'started',
                req.url.includes('show_plan_history=true')
                  ? {
                      current: OK('es-3', '3'),
                      history: [OK('es-1'), FAILED('es-2', '2'), OK('es-3', '3')],
                    }
                  : { current: OK('es-3', '3') },
              ],
            }),
        ],
      );
      try {
        const r = await run(
          ['deployments', 'restart', ID, '--ref-id', 'main-elasticsearch', '--wait'],
          { env: env(server.url), clock },
        );
        assert.equal(r.code, 7, r.stderr);
        assert.equal(
          r.stderr.trimEnd().split('\n').at(-1),
          'error: elasticsearch main-elasticsearch: the plan failed at step wait-until-running: Instance instance-0000000000 did not start (a newer plan, started after it, succeeded)',
        );
      } finally {
        await server.close();
      }
    });

    for (const [outcome, last, code] of [
      [OK(undefined, '2'), 'finished', 0],
      [FAILED(undefined, '2'), 'failed', 7],
    ] as const) {
      it(`attempts without plan_attempt_id are matched by position: ${last} → exit ${code}`, async () => {
        const old = OK(undefined, '1');
        const { server } = await scripted(
          deployment({ elasticsearch: ['started', { current: old, history: [old] }] }),
          [
            () => deployment({ elasticsearch: ['started', { current: old, history: [old] }] }),
            () =>
              deployment({
                elasticsearch: [
                  'started',
                  { current: old, pending: RUNNING(undefined, '2'), history: [old] },
                ],
              }),
            () =>
              deployment({
                elasticsearch: ['started', { current: outcome, history: [old, outcome] }],
              }),
          ],
        );
        try {
          const r = await run(
            ['deployments', 'restart', ID, '--ref-id', 'main-elasticsearch', '--wait'],
            { env: env(server.url), clock },
          );
          assert.equal(r.code, code, r.stderr);
          assert.ok(
            server.requests
              .filter((q) => q.url.includes('show_plan_logs=true'))
              .every((q) => q.url.includes('show_plan_history=true')),
            'positions need the history on every poll',
          );
          assert.equal(
            lines(r.stderr, 'elasticsearch main-elasticsearch: rolling-restart').length,
            1,
          );
          assert.match(
            lines(r.stderr, 'elasticsearch main-elasticsearch: ').at(-1) ?? '',
            new RegExp(`: ${last} `),
          );
        } finally {
          await server.close();
        }
      });
    }

    it('shutdown --wait with Kibana already stopped and APM getting no plan: exit 0', async () => {
      const { server } = await scripted(
        deployment({
          elasticsearch: ['started', { current: OK('es-1'), history: [OK('es-1')] }],
          kibana: ['stopped', { current: OK('kb-1'), history: [OK('kb-1')] }],
          apm: ['started', { current: OK('apm-1'), history: [OK('apm-1')] }],
        }),
        [
          () =>
            deployment({
              elasticsearch: ['stopping', { current: OK('es-1'), pending: RUNNING('es-2', '2') }],
              kibana: ['stopped', { current: OK('kb-1') }],
              apm: ['started', { current: OK('apm-1') }],
            }),
          () =>
            deployment({
              elasticsearch: ['stopped', { current: OK('es-2', '2') }],
              kibana: ['stopped', { current: OK('kb-1') }],
              apm: ['started', { current: OK('apm-1') }],
            }),
        ],
      );
      try {
        const r = await run(
          ['deployments', 'shutdown', ID, '--yes', '--wait', '--wait-timeout', '20s'],
          // On a terminal: live lines, then which resource saw no new plan.
          { env: { ...env(server.url), NO_COLOR: '1' }, clock, stderrTTY: true },
        );
        assert.equal(r.code, 0, r.stderr);
        assert.ok(!r.stderr.includes('kibana'), 'Kibana was already stopped: not followed');
        // After the cursor is given back (ESC [?25h):
        const tail = r.stderr.slice(r.stderr.lastIndexOf('\u001b[?25h') + 6);
        assert.match(
          tail,
          /^apm main-apm: no new plan; left unchanged\.\nPlan finished in [\d.]+s\.\n$/,
        );
      } finally {
        await server.close();
      }
    });
  });
});
