// One resource of a deployment on its own, as real clients read and change
// it: the per-resource GET (the second curl of Elastic's "checking on
// progress" tutorial), one plan attempt by its id, and deleting a stateless
// resource once it is shut down.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';

type Info = { ref_id: string; info: { plan_info: Record<string, { plan_attempt_id: string }> } };
type Got = { resources: Record<string, Info[]> };

describe('sandbox: one resource on its own', () => {
  let t: TestSandbox;
  let id = '';
  before(async () => {
    // Long steps (100 s each), so that the real time the test takes moves no plan.
    t = await testSandbox({ fakeClock: true, planDurationMs: 1_000_000, deployments: 0 });
    const made = await t.call('POST', '/deployments', {
      body: createRequest('tutorial', ['elasticsearch', 'kibana', 'apm']),
    });
    id = (made.body as { id: string }).id;
  });
  after(() => t.close());

  it('GET …/{kind}/{ref_id} is the resource as GET /deployments/{id} shows it', async () => {
    t.advance(350_000);
    const whole = (await t.call('GET', `/deployments/${id}?show_plan_logs=true`)).body as Got;
    for (const kind of ['elasticsearch', 'kibana', 'apm']) {
      for (const ref of [`main-${kind}`, '_main']) {
        const one = await t.call('GET', `/deployments/${id}/${kind}/${ref}?show_plan_logs=true`);
        assert.equal(one.status, 200);
        assert.deepEqual(one.body, whole.resources[kind]?.[0]);
      }
    }
    const missing = await t.call('GET', `/deployments/${id}/kibana/nope`);
    assert.deepEqual(
      [missing.status, (missing.body as { errors: { code: string }[] }).errors[0]?.code],
      [404, 'deployments.deployment_resource_not_found'],
    );
  });

  it('…/activity/{attempt_id} is that attempt, with its log', async () => {
    const whole = (await t.call('GET', `/deployments/${id}?show_plan_logs=true`)).body as Got;
    const pending = whole.resources.elasticsearch?.[0]?.info.plan_info.pending;
    assert.ok(pending);
    const one = await t.call(
      'GET',
      `/deployments/${id}/elasticsearch/_main/activity/${pending.plan_attempt_id}`,
    );
    assert.equal(one.status, 200);
    // The same attempt; GET /deployments/{id} enriches the plan from the template.
    const { plan: _a, ...attempt } = one.body as Record<string, unknown>;
    const { plan: _b, ...shown } = pending as unknown as Record<string, unknown>;
    assert.deepEqual(attempt, shown);
    const none = await t.call('GET', `/deployments/${id}/elasticsearch/_main/activity/nope`);
    assert.equal(none.status, 404);
  });

  it('DELETE …/{stateless kind}/{ref_id} only once the resource is shut down', async () => {
    t.advance(2_000_000);
    const early = await t.call('DELETE', `/deployments/${id}/apm/main-apm`);
    assert.deepEqual(
      [early.status, (early.body as { errors: { code: string }[] }).errors[0]?.code],
      [400, 'deployments.resource_has_instances'],
    );
    const es = await t.call('DELETE', `/deployments/${id}/elasticsearch/_main`);
    assert.equal(es.status, 400);
    // Left out of an update with prune_orphans, the APM resource is shut down.
    const put = await t.call('PUT', `/deployments/${id}`, {
      body: {
        prune_orphans: true,
        resources: createRequest('tutorial', ['elasticsearch', 'kibana']).resources,
      },
    });
    assert.equal(put.status, 200);
    const stopping = await t.call('DELETE', `/deployments/${id}/apm/_main`);
    assert.equal(stopping.status, 400);
    t.advance(2_000_000);
    const gone = await t.call('DELETE', `/deployments/${id}/apm/_main`);
    assert.deepEqual([gone.status, gone.body], [200, { id, kind: 'apm', ref_id: 'main-apm' }]);
    const after = (await t.call('GET', `/deployments/${id}`)).body as Got;
    assert.deepEqual(after.resources.apm, []);
    assert.equal((await t.call('GET', `/deployments/${id}/apm/main-apm`)).status, 404);
    assert.equal((await t.call('DELETE', `/deployments/${id}/apm/main-apm`)).status, 404);
  });
});
