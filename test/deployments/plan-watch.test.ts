// `plan watch` against scripted servers: it re-attaches to the pending plan
// and ends as --wait does — 0 when it succeeds, 7 when it fails, 8 at the
// deadline; with nothing running it says so and exits 0. Also the messages
// of item 5: `stop --wait` says which status was reached.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer } from '../helpers/server.js';
import { stopwatch, virtualClock } from '../helpers/time.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef78';
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'watch-key-1' });

const step = (id: string, status = 'success') => ({
  step_id: id,
  started: '2026-11-29T00:00:00Z',
  status,
  stage: status === 'pending' ? 'in_progress' : 'completed',
  info_log: [],
});
const OLD = {
  plan_attempt_id: 'attempt-old',
  healthy: true,
  plan_attempt_log: [step('plan-validator'), step('plan-completed')],
  warnings: [],
};
const running = (...steps: string[]) => ({
  plan_attempt_id: 'attempt-new',
  healthy: true,
  plan_attempt_log: [...steps.map((s) => step(s)), step('migrate-data', 'pending')],
  warnings: [],
});
const SUCCEEDED = {
  plan_attempt_id: 'attempt-new',
  healthy: true,
  plan_attempt_log: [step('plan-validator'), step('migrate-data'), step('plan-completed')],
  warnings: [],
};
const FAILED = {
  plan_attempt_id: 'attempt-new',
  healthy: false,
  plan_attempt_log: [
    step('plan-validator'),
    step('migrate-data', 'error'),
    step('plan-completed', 'error'),
  ],
  error: { message: 'Migration failed', timestamp: '2026-11-29T00:00:05Z', details: {} },
  warnings: [],
};

function deployment(es: Record<string, unknown>, kibana = 'started') {
  return {
    id: ID,
    name: 'watched',
    healthy: true,
    resources: {
      elasticsearch: [
        {
          ref_id: 'main-elasticsearch',
          id: 'e'.repeat(32),
          region: 'ece-region',
          info: { healthy: true, status: 'started', plan_info: es },
        },
      ],
      kibana: [
        {
          ref_id: 'main-kibana',
          id: 'k'.repeat(32),
          region: 'ece-region',
          info: {
            healthy: true,
            status: kibana,
            plan_info: { healthy: true, current: OLD, history: [OLD] },
          },
        },
      ],
    },
  };
}

/** Polls answered in turn by `states`, the last one repeated. */
async function scripted(states: Record<string, unknown>[]) {
  let n = 0;
  const server = await startServer(
    (_req, res) => {
      const state = states[Math.min(n++, states.length - 1)] ?? {};
      json(res, 200, deployment(state));
    },
    {
      expect: [
        { method: 'GET', path: `/api/v1/deployments/${ID}?show_plans=true&show_plan_history=true` },
        {
          method: 'GET',
          path: `/api/v1/deployments/${ID}?show_plans=true&show_plan_logs=true`,
        },
      ],
    },
  );
  return server;
}

const lines = (stderr: string) => stderr.trimEnd().split('\n');

describe('deployments plan watch', () => {
  it('re-attaches to a running plan and exits 0 when it succeeds, replaying its steps once', async (ctx) => {
    const clock = virtualClock(ctx);
    const server = await scripted([
      { healthy: true, current: OLD, pending: running('plan-validator'), history: [OLD] },
      { healthy: true, current: OLD, pending: running('plan-validator'), history: [] },
      { healthy: true, current: SUCCEEDED, history: [] },
    ]);
    try {
      const r = await run(['deployments', 'plan', 'watch', ID], {
        env: env(server.url),
        clock,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      const l = lines(r.stderr);
      assert.deepEqual(l.slice(0, 4), [
        'elasticsearch main-elasticsearch: plan-validator',
        'elasticsearch main-elasticsearch: migrate-data',
        'elasticsearch main-elasticsearch: plan-completed',
        l[3],
      ]);
      assert.match(l[3] ?? '', /^elasticsearch main-elasticsearch: finished in \d+(\.\d)?m?s$/);
      assert.match(l[4] ?? '', /^Plan finished in \d+(\.\d)?m?s\.$/);
      assert.equal(l.length, 5);
      assert.ok(!r.stderr.includes('kibana'), 'kibana has no pending plan: it is not watched');
    } finally {
      await server.close();
    }
  });

  it('exits 7 when the plan it re-attached to fails, naming the step and the message', async (ctx) => {
    const clock = virtualClock(ctx);
    const server = await scripted([
      { healthy: true, current: OLD, pending: running('plan-validator'), history: [OLD] },
      { healthy: false, current: FAILED, history: [] },
    ]);
    try {
      const r = await run(['deployments', 'plan', 'watch', ID, '--kind', 'elasticsearch'], {
        env: env(server.url),
        clock,
      });
      assert.equal(r.code, 7, r.stderr);
      assert.deepEqual(lines(r.stderr).slice(-2), [
        'elasticsearch main-elasticsearch: failed at step migrate-data: Migration failed',
        'error: elasticsearch main-elasticsearch: the plan failed at step migrate-data: Migration failed',
      ]);
    } finally {
      await server.close();
    }
  });

  it('exits 8 at --wait-timeout, naming the step it is at and how to re-attach', async (ctx) => {
    const clock = virtualClock(ctx);
    const server = await scripted([
      { healthy: true, current: OLD, pending: running('plan-validator'), history: [OLD] },
    ]);
    try {
      const r = await run(['deployments', 'plan', 'watch', ID, '--wait-timeout', '1500ms'], {
        env: env(server.url),
        clock,
      });
      assert.equal(r.code, 8, r.stderr);
      // It waited its 1.5 s, and no more: a poll at 1 s, then the last half second.
      assert.equal(clock.moved(), 1_500);
      const l = lines(r.stderr);
      assert.match(
        l.at(-2) ?? '',
        /^error: gave up waiting after 1\.\ds \(--wait-timeout\); still running: elasticsearch main-elasticsearch \(at step migrate-data\); the plan goes on in ECE$/,
      );
      assert.equal(l.at(-1), `hint: follow it with \`ece deployments plan watch ${ID}\``);
    } finally {
      await server.close();
    }
  });

  it('a poll whose body trickles ends at --wait-timeout (exit 8), not at --timeout (issue 23, item 7)', async () => {
    const body = JSON.stringify(
      deployment({
        healthy: true,
        current: OLD,
        pending: running('plan-validator'),
        history: [OLD],
      }),
    );
    const timers = new Set<NodeJS.Timeout>();
    const server = await startServer((req, res) => {
      // The first read (the snapshot) answers; every poll after it trickles a byte a second.
      if (!req.url.includes('show_plan_logs=true')) return json(res, 200, JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' });
      let i = 0;
      const timer = setInterval(() => {
        if (i < body.length) res.write(body[i++] ?? '');
      }, 1_000);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
    });
    try {
      const clock = stopwatch();
      const r = await run(
        ['deployments', 'plan', 'watch', ID, '--wait-timeout', '3s', '--timeout', '60s'],
        { env: env(server.url), realSleep: true },
      );
      assert.equal(r.code, 8, r.stderr);
      assert.match(
        lines(r.stderr).at(-2) ?? '',
        /^error: gave up waiting after 3(\.\d)?s \(--wait-timeout\)/,
      );
      // The bound: the 3 s wait plus 2 s, and slack for a loaded machine.
      clock.atMost(600, 'plan watch against a trickling poll', 5_000);
    } finally {
      for (const t of timers) clearInterval(t);
      await server.close();
    }
  });

  it('with no plan running it says so and exits 0 after one read', async () => {
    const server = await startServer((_req, res) =>
      json(res, 200, deployment({ healthy: true, current: OLD, history: [OLD] })),
    );
    try {
      const r = await run(['deployments', 'plan', 'watch', ID], { env: env(server.url) });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          0,
          '',
          `No plan is running on deployment watched (${ID}); see \`ece deployments plan history ${ID}\`.\n`,
        ],
      );
      assert.equal(server.requests.length, 1);
      const kib = await run(['deployments', 'plan', 'watch', ID, '--kind', 'kibana'], {
        env: env(server.url),
      });
      assert.equal(kib.code, 0);
      assert.match(kib.stderr, /^No plan is running on kibana of deployment watched/);
    } finally {
      await server.close();
    }
  });

  it('a bad --wait-timeout is exit 2 before any request', async () => {
    const server = await startServer(() => undefined);
    try {
      const r = await run(['deployments', 'plan', 'watch', ID, '--wait-timeout', 'soon'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [r.code, r.stderr],
        [2, 'error: invalid --wait-timeout "soon": use a duration such as 30s, 2m or 1h30m\n'],
      );
      assert.equal(server.requests.length, 0);
    } finally {
      await server.close();
    }
  });
});

describe('stop --wait', () => {
  it('says which status the resource reached, not that a plan finished', async (ctx) => {
    const clock = virtualClock(ctx);
    let polls = 0;
    const server = await startServer((req, res) => {
      if (req.method === 'POST') return json(res, 202, {});
      polls++;
      const es = { healthy: true, current: OLD, history: [OLD] };
      return json(res, 200, deployment(es, polls < 3 ? 'started' : 'stopped'));
    });
    try {
      const r = await run(['deployments', 'stop', ID, '--kind', 'kibana', '--wait'], {
        env: env(server.url),
        clock,
      });
      assert.equal(r.code, 0, r.stderr);
      const l = lines(r.stderr);
      assert.equal(l[0], `Stopping kibana main-kibana of deployment ${ID}.`);
      assert.match(l[1] ?? '', /^kibana main-kibana: stopped in \d+(\.\d)?m?s$/);
      assert.match(l[2] ?? '', /^Kibana main-kibana stopped in \d+(\.\d)?m?s\.$/);
      assert.equal(l.length, 3);
    } finally {
      await server.close();
    }
  });
});
