// The sandbox's per-resource operations (resource-ops.ts) and constructors'
// resync (constructor-resync.ts): every answer, success and error, valid
// against the spec's schema for its status; none of them 501 any more; the
// state changes a real client relies on (a resource shut down and restored
// on its own, read-only mode kept).

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { responseViolations } from '../helpers/spec.js';

describe('sandbox: per-resource operations', () => {
  let t: TestSandbox;
  let id = '';
  before(async () => {
    // Some requests break the spec on purpose (what the sandbox refuses): no contract check at close.
    t = await testSandbox({
      fakeClock: true,
      planDurationMs: 1_000,
      deployments: 0,
      contract: false,
    });
    const made = await t.call('POST', '/deployments', {
      body: createRequest('ops', ['elasticsearch', 'kibana', 'apm', 'appsearch']),
    });
    id = (made.body as { id: string }).id;
    t.advance(10_000);
  });
  after(() => t.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const r = await t.call(method, path, body === undefined ? {} : { body });
    assert.deepEqual(
      responseViolations(method, `/api/v1${path}`, r.status, r.body),
      [],
      `${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`,
    );
    return r;
  };
  const code = (r: { body: unknown }) =>
    (r.body as { errors?: { code: string }[] }).errors?.[0]?.code;

  it('every operation answers as the spec says, none 501', async () => {
    const d = `/deployments/${id}`;
    const calls: [string, string, unknown?][] = [
      [
        'POST',
        `${d}/elasticsearch/main-elasticsearch/_enable-ilm?validate_only=true`,
        {
          index_patterns: [{ index_pattern: 'logs-*', policy_name: 'p' }],
        },
      ],
      ['POST', `${d}/elasticsearch/main-elasticsearch/_enable-slm?validate_only=true`],
      ['POST', `${d}/elasticsearch/main-elasticsearch/_enable-ccr?validate_only=true`],
      ['POST', `${d}/elasticsearch/main-elasticsearch/eligible-remote-clusters`, {}],
      ['POST', `${d}/kibana/main-kibana/diagnostics/_capture`],
      ['PUT', `${d}/elasticsearch/main-elasticsearch/instances/overrides`, { capacity: 2048 }],
      [
        'PUT',
        `${d}/elasticsearch/main-elasticsearch/instances/instance-0000000000/overrides`,
        {
          storage_multiplier: 40,
        },
      ],
      ['GET', `${d}/appsearch/main-appsearch/read_only_mode`],
      ['PUT', `${d}/appsearch/main-appsearch/read_only_mode`, { enabled: true }],
      ['GET', `${d}/certificate-authority`],
      ['GET', `${d}/upgrade_assistant/status`],
      ['GET', `${d}/migrate_template?template_id=default`],
      ['POST', `${d}/apm/main-apm/_reset-token`],
      ['POST', '/platform/infrastructure/constructors/_resync'],
      ['POST', '/platform/infrastructure/constructors/192.168.44.10/_resync'],
    ];
    const statuses: number[] = [];
    for (const [method, path, body] of calls)
      statuses.push((await call(method, path, body)).status);
    assert.deepEqual(
      statuses,
      [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 202, 202, 200],
    );
    assert.deepEqual((await t.call('GET', `${d}/appsearch/main-appsearch/read_only_mode`)).body, {
      enabled: true,
    });
  });

  it('errors: shapes and codes from the spec', async () => {
    const d = `/deployments/${id}`;
    const bad: [string, string, unknown, number, string][] = [
      ['POST', `${d}/elasticsearch/main-elasticsearch/_enable-ilm`, {}, 400, 'root.invalid_data'],
      ['POST', `${d}/apm/main-apm/diagnostics/_capture`, undefined, 400, 'root.invalid_data'],
      [
        'PUT',
        `${d}/elasticsearch/main-elasticsearch/instances/overrides`,
        {},
        400,
        'root.invalid_data',
      ],
      [
        'PUT',
        `${d}/kibana/main-kibana/instances/overrides`,
        { capacity: 1024 },
        400,
        'root.invalid_data',
      ],
      ['GET', `${d}/migrate_template`, undefined, 400, 'root.invalid_data'],
      [
        'POST',
        `${d}/kibana/main-kibana/_restore`,
        undefined,
        400,
        'deployments.resource_not_shutdown',
      ],
      [
        'POST',
        `${d}/kibana/nope/_shutdown`,
        undefined,
        404,
        'deployments.deployment_resource_not_found',
      ],
      [
        'POST',
        '/platform/infrastructure/constructors/nope/_resync',
        undefined,
        404,
        'constructors.constructor_not_found',
      ],
    ];
    for (const [method, path, body, status, want] of bad) {
      const r = await call(method, path, body);
      assert.deepEqual([r.status, code(r)], [status, want], `${method} ${path}`);
    }
  });

  it('a resource shut down on its own, then restored; diagnostics refused while it is down', async () => {
    const d = `/deployments/${id}`;
    assert.equal(
      (await call('POST', `${d}/kibana/main-kibana/_shutdown?skip_snapshot=true`)).status,
      200,
    );
    t.advance(10_000);
    const shown = (await t.call('GET', d)).body as {
      resources: Record<string, { info: { status: string } }[]>;
    };
    assert.deepEqual(
      [shown.resources.elasticsearch?.[0]?.info.status, shown.resources.kibana?.[0]?.info.status],
      ['started', 'stopped'],
    );
    const down = await call('POST', `${d}/kibana/main-kibana/diagnostics/_capture`);
    assert.deepEqual([down.status, code(down)], [412, 'clusters.cluster_plan_state_error']);
    const back = await call('POST', `${d}/kibana/main-kibana/_restore`);
    assert.deepEqual(back.body, { id, kind: 'kibana', ref_id: 'main-kibana' });
    t.advance(10_000);
    const again = (await t.call('GET', `${d}/kibana/main-kibana`)).body as {
      info: { status: string };
    };
    assert.equal(again.info.status, 'started');
  });
});
