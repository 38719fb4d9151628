// --wait against a scripted server: transient failures and a stale read in
// between never make an older plan pass for the new one.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { eceError, json, startServer } from '../helpers/server.js';
import { virtualClock } from '../helpers/time.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef12';

function deployment(es: Record<string, unknown>) {
  return {
    id: ID,
    name: 'scripted',
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
      kibana: [],
      apm: [],
      integrations_server: [],
      enterprise_search: [],
      appsearch: [],
    },
  };
}

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
  plan_attempt_log: [step('plan-completed')],
  warnings: [],
};
const RUNNING = {
  plan_attempt_id: 'attempt-new',
  healthy: true,
  plan_attempt_log: [step('plan-validator'), step('restart-instances', 'pending')],
  warnings: [],
};
const FAILED = {
  plan_attempt_id: 'attempt-new',
  healthy: false,
  plan_attempt_log: [
    step('plan-validator'),
    step('restart-instances'),
    step('wait-until-running', 'error'),
  ],
  error: { message: 'Instances did not start', timestamp: '2026-11-29T00:00:05Z', details: {} },
  warnings: [],
};

describe('--wait through transient errors', () => {
  it("reports the new plan's true outcome after 3 failed polls and a stale read of the old plan", async (ctx) => {
    const clock = virtualClock(ctx);
    let polls = 0;
    const server = await startServer((req, res) => {
      if (req.method === 'POST') return json(res, 202, {});
      if (req.url.includes('show_plan_history=true') && polls === 0) {
        polls++;
        return json(res, 200, deployment({ healthy: true, current: OLD, history: [OLD] })); // the snapshot
      }
      polls++;
      if (polls === 2)
        return json(
          res,
          200,
          deployment({ healthy: true, current: OLD, pending: RUNNING, history: [] }),
        );
      if (polls <= 5) return eceError(res, 503, 'root.unavailable', 'Service Unavailable');
      if (polls === 6)
        return json(res, 200, deployment({ healthy: true, current: OLD, history: [] })); // stale
      return json(
        res,
        200,
        deployment({ healthy: false, current: FAILED, history: [OLD, FAILED] }),
      );
    });
    try {
      const r = await run(
        ['deployments', 'restart', ID, '--ref-id', 'main-elasticsearch', '--wait'],
        {
          env: { ECE_HOST: server.url, ECE_API_KEY: 'scripted-key-1', ECE_MAX_ATTEMPTS: '1' },
          clock,
        },
      );
      assert.equal(r.code, 7, r.stderr);
      const lines = r.stderr.trimEnd().split('\n');
      assert.deepEqual(lines.filter((l) => l.startsWith('warning: ')).length, 3);
      assert.deepEqual(
        lines.filter((l) => l.startsWith('elasticsearch main-elasticsearch: ')),
        [
          'elasticsearch main-elasticsearch: plan-validator',
          'elasticsearch main-elasticsearch: restart-instances',
          'elasticsearch main-elasticsearch: wait-until-running',
          'elasticsearch main-elasticsearch: failed at step wait-until-running: Instances did not start',
        ],
      );
      assert.equal(
        lines.at(-1),
        'error: elasticsearch main-elasticsearch: the plan failed at step wait-until-running: Instances did not start',
      );
      assert.ok(!r.stderr.includes('Plan finished'), 'the old plan was taken for the new one');
      assert.equal(polls, 7);
    } finally {
      await server.close();
    }
  });

  it('a plan that succeeds after transient errors exits 0', async (ctx) => {
    const clock = virtualClock(ctx);
    let polls = 0;
    const done = {
      ...RUNNING,
      plan_attempt_log: [step('plan-validator'), step('restart-instances'), step('plan-completed')],
    };
    const server = await startServer((req, res) => {
      if (req.method === 'POST') return json(res, 202, {});
      polls++;
      if (polls === 1)
        return json(res, 200, deployment({ healthy: true, current: OLD, history: [OLD] }));
      if (polls === 2) return eceError(res, 502, 'root.unavailable', 'Bad Gateway');
      return json(res, 200, deployment({ healthy: true, current: done, history: [OLD, done] }));
    });
    try {
      const r = await run(
        ['deployments', 'restart', ID, '--ref-id', 'main-elasticsearch', '--wait'],
        {
          env: { ECE_HOST: server.url, ECE_API_KEY: 'scripted-key-1', ECE_MAX_ATTEMPTS: '1' },
          clock,
        },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /elasticsearch main-elasticsearch: finished in/);
    } finally {
      await server.close();
    }
  });

  it('a 500 while following is the answer, not a transient fault: the wait ends at once (exit 1)', async () => {
    let polls = 0;
    const server = await startServer((req, res) => {
      if (req.method === 'POST') return json(res, 202, {});
      polls++;
      if (polls === 1)
        return json(res, 200, deployment({ healthy: true, current: OLD, history: [OLD] }));
      return eceError(res, 500, 'root.unexpected_failure', 'Something broke');
    });
    try {
      const r = await run(
        // The deadline only bounds the test if a 500 were waited out (the bug: exit 8).
        [
          'deployments',
          'restart',
          ID,
          '--ref-id',
          'main-elasticsearch',
          '--wait',
          '--wait-timeout',
          '3s',
        ],
        { env: { ECE_HOST: server.url, ECE_API_KEY: 'scripted-key-1', ECE_MAX_ATTEMPTS: '1' } },
      );
      assert.equal(r.code, 1, r.stderr);
      assert.equal(polls, 2);
      assert.ok(!r.stderr.includes('warning: '), r.stderr);
      assert.match(r.stderr, /error: Something broke \(root\.unexpected_failure\)\n/);
    } finally {
      await server.close();
    }
  });
});
