// `plan watch` with the real binary against the sandbox: a plan started by
// another run is followed to its end (exit 0), and Ctrl-C (SIGINT) stops the
// watch with exit 130 and says how to re-attach, leaving the plan running.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { ece } from '../helpers/e2e.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';

describe('plan watch against the sandbox (real binary)', () => {
  let t: TestSandbox;
  before(async () => {
    // A plan of a minute on the sandbox's fake clock: it ends only when the
    // test moves the clock, once the binary has attached, whatever the load.
    t = await testSandbox({ deployments: 0, planDurationMs: 60_000, fakeClock: true });
    registerSecret(t.sb.apiKey);
  });
  after(() => t.close());
  const env = () => t.env;

  /** A deployment whose creation plan runs now, started without ece. */
  async function started(name: string): Promise<string> {
    const res = await t.call('POST', '/deployments', { body: createRequest(name) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const body = res.body as { id: string; resources: { credentials?: { password: string } }[] };
    for (const r of body.resources) registerSecret(r.credentials?.password);
    return body.id;
  }

  it('follows the running creation plans to the end: exit 0', async () => {
    const id = await started('watched-e2e');
    const polls = () =>
      t.exchanges.filter((e) => e.url.includes(id) && e.url.includes('show_plan_logs')).length;
    const seen = polls();
    const r = await ece(['deployments', 'plan', 'watch', id], {
      env: env(),
      onSpawn: (child) => {
        const timer = setInterval(() => {
          if (polls() > seen) {
            clearInterval(timer);
            t.advance(61_000);
          }
        }, 20);
        child.on('exit', () => clearInterval(timer));
      },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const l = r.stderr.trimEnd().split('\n');
    assert.match(l.at(-1) ?? '', /^Plan finished in \d+(\.\d)?s\.$/);
    assert.ok(l.includes('elasticsearch main-elasticsearch: plan-completed'), r.stderr);
    assert.ok(l.includes('kibana main-kibana: plan-completed'), r.stderr);
    assert.equal(l.filter((x) => /: finished in /.test(x)).length, 2, r.stderr);
    const again = await ece(['deployments', 'plan', 'watch', id], { env: env() });
    assert.deepEqual(
      [again.code, again.stderr],
      [
        0,
        `No plan is running on deployment watched-e2e (${id}); see \`ece deployments plan history ${id}\`.\n`,
      ],
    );
  });

  it('SIGINT stops watching with exit 130 and names plan watch; the plan goes on', async () => {
    // A plan of a minute, in a sandbox of its own: however loaded the
    // machine, it is still running when the signal comes.
    const long = await testSandbox({ deployments: 0, planDurationMs: 60_000 });
    try {
      registerSecret(long.sb.apiKey);
      const res = await long.call('POST', '/deployments', {
        body: createRequest('interrupted-e2e'),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const { id } = res.body as { id: string };
      const polls = () =>
        long.exchanges.filter((e) => e.url.includes(id) && e.url.includes('show_plan_logs')).length;
      const seen = polls();
      const r = await ece(['deployments', 'plan', 'watch', id], {
        env: long.env,
        onSpawn: (child) => {
          const timer = setInterval(() => {
            if (polls() > seen) {
              clearInterval(timer);
              child.kill('SIGINT');
            }
          }, 20);
          child.on('exit', () => clearInterval(timer));
        },
      });
      assert.equal(r.code, 130, r.stderr);
      assert.equal(
        r.stderr.trimEnd().split('\n').at(-1),
        `error: stopped waiting; the plan goes on in ECE (follow it with \`ece deployments plan watch ${id}\`)`,
      );
      const d = await long.call('GET', `/deployments/${id}?show_plans=true`);
      const pending = (
        d.body as { resources: { elasticsearch: { info: { plan_info: { pending?: unknown } } }[] } }
      ).resources.elasticsearch[0]?.info.plan_info.pending;
      assert.ok(pending !== undefined, 'the plan was stopped');
    } finally {
      await long.close();
    }
  });
});
