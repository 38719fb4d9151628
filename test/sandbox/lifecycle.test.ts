// How the sandbox's state evolves: plans over time, failures, shutdown and
// delete, idempotent creates, cursor paging, expiring tokens.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { createRequest, testSandbox } from '../helpers/sandbox.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read nested response bodies
type Json = Record<string, any>;

describe('sandbox lifecycle', () => {
  it('create → a pending plan whose steps advance → healthy and started', async () => {
    const t = await testSandbox({ fakeClock: true, planDurationMs: 10_000, deployments: 0 });
    try {
      const created = (await t.call('POST', '/deployments', { body: createRequest('orders') }))
        .body as Json;
      assert.equal(created.created, true);
      assert.equal(created.resources[0].credentials.username, 'elastic');
      const read = async () =>
        (await t.call('GET', `/deployments/${created.id}?show_plan_logs=true`)).body as Json;
      const es = (d: Json) => d.resources.elasticsearch[0].info;
      let d = await read();
      assert.equal(es(d).status, 'initializing');
      const log0 = es(d).plan_info.pending.plan_attempt_log as Json[];
      assert.equal(log0.length, 1);
      assert.equal(log0[0]?.stage, 'in_progress');
      t.advance(5_000);
      d = await read();
      const log1 = es(d).plan_info.pending.plan_attempt_log as Json[];
      assert.ok(log1.length > log0.length, 'the steps advanced');
      assert.deepEqual(
        log1.slice(0, -1).map((s) => s.status),
        log1.slice(0, -1).map(() => 'success'),
      );
      assert.equal(log1.at(-1)?.status, 'pending');
      t.advance(5_001);
      d = await read();
      assert.equal(es(d).plan_info.pending, undefined);
      assert.equal(es(d).plan_info.current.healthy, true);
      assert.equal(es(d).plan_info.current.plan_attempt_log.at(-1).step_id, 'plan-completed');
      assert.equal(es(d).status, 'started');
      assert.equal(d.healthy, true);
      assert.equal(d.resources.kibana[0].info.status, 'started');
    } finally {
      await t.close();
    }
  });

  it('a deployment named *fail-plan* gets a plan that fails late with an error', async () => {
    const t = await testSandbox({ fakeClock: true, planDurationMs: 10_000, deployments: 0 });
    try {
      const { id } = (
        await t.call('POST', '/deployments', { body: createRequest('checkout-fail-plan') })
      ).body as Json;
      t.advance(11_000);
      const d = (
        await t.call('GET', `/deployments/${id}?show_plan_logs=true&show_plan_history=true`)
      ).body as Json;
      const info = d.resources.elasticsearch[0].info.plan_info;
      // A failed creation leaves no current plan: the attempt is only in the history.
      assert.equal(info.current, undefined);
      assert.equal(info.pending, undefined);
      const attempt = info.history.at(-1);
      assert.equal(attempt.healthy, false);
      assert.match(attempt.error.message, /did not become healthy/);
      const log = attempt.plan_attempt_log as Json[];
      assert.deepEqual(
        log.slice(-2).map((s) => [s.step_id, s.status]),
        [
          [attempt.error.details.step, 'error'],
          ['plan-completed', 'error'],
        ],
      );
      assert.ok(log.length >= 7, 'it failed at a late step');
      assert.equal(d.healthy, false);
      assert.equal(d.resources.kibana[0].info.plan_info.current.healthy, true);
    } finally {
      await t.close();
    }
  });

  it('shutdown → stopping → stopped → delete; delete before shutdown is 400', async () => {
    const t = await testSandbox({ fakeClock: true, planDurationMs: 1_000, deployments: 2 });
    try {
      const all = (await t.call('GET', '/deployments')).body as Json;
      // The installation's three system deployments come first.
      const list = { deployments: all.deployments.slice(3) };
      const id = list.deployments[0].id;
      const early = await t.call('DELETE', `/deployments/${id}`);
      assert.equal(early.status, 400);
      assert.equal((early.body as Json).errors[0].code, 'deployments.resource_not_shutdown');
      assert.equal(early.headers.get('x-cloud-error-codes'), 'deployments.resource_not_shutdown');
      assert.equal((await t.call('POST', `/deployments/${id}/_shutdown`)).status, 200);
      let d = (await t.call('GET', `/deployments/${id}`)).body as Json;
      assert.equal(d.resources.elasticsearch[0].info.status, 'stopping');
      assert.equal((await t.call('DELETE', `/deployments/${id}`)).status, 400, 'still stopping');
      t.advance(1_001);
      d = (await t.call('GET', `/deployments/${id}`)).body as Json;
      assert.equal(d.resources.elasticsearch[0].info.status, 'stopped');
      assert.deepEqual(d.resources.elasticsearch[0].info.topology.instances, []);
      const del = await t.call('DELETE', `/deployments/${id}`);
      assert.equal(del.status, 200);
      const after = (await t.call('GET', '/deployments')).body as Json;
      assert.deepEqual(
        after.deployments.slice(3).map((x: Json) => x.id),
        [list.deployments[1].id],
      );
    } finally {
      await t.close();
    }
  });

  it('a repeated request_id answers 202 with the same deployment and creates nothing', async () => {
    const t = await testSandbox({ deployments: 0, systemDeployments: false });
    try {
      const rid = 'payments-0123456789abcdef0123456789';
      const first = await t.call('POST', `/deployments?request_id=${rid}`, {
        body: createRequest('payments'),
      });
      const again = await t.call('POST', `/deployments?request_id=${rid}`, {
        body: createRequest('payments'),
      });
      assert.equal(first.status, 201);
      assert.equal(again.status, 202);
      assert.equal((again.body as Json).id, (first.body as Json).id);
      assert.equal((again.body as Json).created, false);
      assert.equal(
        (again.body as Json).resources[0].credentials,
        undefined,
        'credentials are shown once',
      );
      const list = (await t.call('GET', '/deployments')).body as Json;
      assert.equal(list.deployments.length, 1);
    } finally {
      await t.close();
    }
  });

  it('search with size 2 and cursor walks every page without duplicates', async () => {
    const t = await testSandbox({ deployments: 7, systemDeployments: false });
    try {
      const seen: string[] = [];
      let body: Json = { query: { match_all: {} }, size: 2 };
      for (let page = 0; page < 10; page++) {
        const r = (await t.call('POST', '/deployments/_search', { body })).body as Json;
        assert.equal(r.match_count, 7);
        seen.push(...r.deployments.map((d: Json) => d.id));
        if (!r.cursor) break;
        assert.equal(r.return_count, 2);
        body = { cursor: r.cursor };
      }
      assert.equal(seen.length, 7);
      assert.equal(new Set(seen).size, 7);
      const prefix = (
        await t.call('POST', '/deployments/_search', {
          body: { query: { prefix: { name: { value: 'apm' } } } },
        })
      ).body as Json;
      assert.deepEqual(
        prefix.deployments.map((d: Json) => d.name),
        ['apm-traces'],
      );
      const bool = (
        await t.call('POST', '/deployments/_search', {
          body: {
            query: {
              bool: {
                must: [
                  {
                    nested: {
                      path: 'resources.kibana',
                      query: { exists: { field: 'resources.kibana.id' } },
                    },
                  },
                ],
                must_not: [{ match: { name: { query: 'prod' } } }],
              },
            },
            sort: [{ 'name.keyword': 'asc' }],
          },
        })
      ).body as Json;
      assert.deepEqual(
        bool.deployments.map((d: Json) => d.name),
        ['apm-traces', 'audit-archive', 'search-staging', 'security-analytics'],
      );
    } finally {
      await t.close();
    }
  });

  it('tokens expire after --token-ttl; _refresh before expiry gives a later expiry', async () => {
    // The sandbox's clock is moved by the test: no real waiting, no flakiness.
    // A JWT's exp is in whole seconds, so a token lives between TTL - 1 s and
    // TTL: the steps below hold wherever in its second the login falls.
    const t = await testSandbox({
      tokenTtlMs: 10_000,
      password: 'pw',
      deployments: 1,
      fakeClock: true,
    });
    try {
      const login = (
        await t.call('POST', '/users/auth/_login', {
          body: { username: 'admin', password: 'pw' },
          auth: null,
        })
      ).body as Json;
      const bearer = `Bearer ${login.token}`;
      assert.equal((await t.call('GET', '/deployments', { auth: bearer })).status, 200);
      t.advance(5_000);
      const refreshed = (await t.call('POST', '/users/auth/_refresh', { auth: bearer }))
        .body as Json;
      assert.ok(
        Date.parse(refreshed.session_expiration_time) > Date.parse(login.session_expiration_time),
      );
      assert.notEqual(refreshed.token, login.token);
      t.advance(5_500);
      const expired = await t.call('GET', '/deployments', { auth: bearer });
      assert.equal(expired.status, 401);
      assert.equal((expired.body as Json).errors[0].code, 'root.unauthenticated');
      assert.equal(
        (await t.call('GET', '/deployments', { auth: `Bearer ${refreshed.token}` })).status,
        200,
      );
      const payload = JSON.parse(
        Buffer.from(String(refreshed.token).split('.')[1] ?? '', 'base64url').toString(),
      );
      assert.equal(
        payload.exp * 1000,
        Date.parse(refreshed.session_expiration_time),
        'the JWT carries exp',
      );
    } finally {
      await t.close();
    }
  });

  it('API keys work as soon as they are created and stop when deleted', async () => {
    const t = await testSandbox({ deployments: 0 });
    try {
      const key = (await t.call('POST', '/users/auth/keys', { body: { description: 'ci' } }))
        .body as Json;
      assert.equal(
        (await t.call('GET', '/deployments', { auth: `ApiKey ${key.key}` })).status,
        200,
      );
      await t.call('DELETE', `/users/auth/keys/${key.id}`);
      assert.equal(
        (await t.call('GET', '/deployments', { auth: `ApiKey ${key.key}` })).status,
        401,
      );
      const listed = (await t.call('GET', '/users/auth/keys')).body as Json;
      assert.ok(
        listed.keys.every((k: Json) => k.key === undefined),
        'a key is never listed',
      );
    } finally {
      await t.close();
    }
  });
});
