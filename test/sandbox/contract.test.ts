// Drives every sandbox endpoint, success and error paths, and checks every
// response body (and every request body sent) against the specification.

import { after, before, describe, it } from 'node:test';
import { KINDS } from '../../src/api/kinds.js';
import { routes } from '../../src/sandbox/routes.js';
import assert from '../helpers/assert.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { requestViolations, responseViolations } from '../helpers/spec.js';

describe('sandbox contract', () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({
      fakeClock: true,
      planDurationMs: 10_000,
      password: 'pw-123456',
      deployments: 4,
      // This test sends invalid requests on purpose and checks them itself.
      contract: false,
    });
  });
  after(() => t.close());

  it('answers every endpoint with bodies that validate against the spec', async () => {
    const { call } = t;
    const expect = async (
      status: number,
      method: string,
      path: string,
      opts?: Parameters<typeof call>[2],
    ) => {
      const r = await call(method, path, opts);
      assert.equal(r.status, status, `${method} ${path}: ${JSON.stringify(r.body)}`);
      return r.body as Record<string, unknown>;
    };
    // Auth and keys.
    await expect(401, 'POST', '/users/auth/_login', {
      body: { username: 'admin', password: 'wrong' },
      auth: null,
    });
    await expect(400, 'POST', '/users/auth/_login', { body: { username: 'admin' }, auth: null });
    const login = await expect(200, 'POST', '/users/auth/_login', {
      body: { username: 'admin', password: 'pw-123456' },
      auth: null,
    });
    const bearer = `Bearer ${login.token}`;
    const bearer2 = `Bearer ${((await call('POST', '/users/auth/_login', { body: { username: 'admin', password: 'pw-123456' }, auth: null })).body as { token: string }).token}`;
    await expect(200, 'GET', '/users/auth', { auth: bearer });
    await expect(200, 'GET', '/user', { auth: bearer });
    const refreshed = await expect(200, 'POST', '/users/auth/_refresh', { auth: bearer });
    await expect(400, 'POST', '/users/auth/_refresh');
    await expect(200, 'POST', '/users/auth/_logout', { auth: `Bearer ${refreshed.token}` });
    await expect(401, 'GET', '/users/auth', { auth: `Bearer ${refreshed.token}` });
    await expect(401, 'GET', '/deployments', { auth: null });
    await expect(401, 'GET', '/deployments', { auth: 'ApiKey not-a-key' });
    const key = await expect(201, 'POST', '/users/auth/keys', {
      body: { description: 'ci', expiration: '30d' },
    });
    await expect(400, 'POST', '/users/auth/keys', { body: { description: '' } });
    await expect(400, 'POST', '/users/auth/keys', {
      body: { description: 'x', expiration: 'soon' },
    });
    await expect(200, 'GET', '/users/auth/keys', { auth: `ApiKey ${key.key}` });
    await expect(200, 'GET', `/users/auth/keys/${key.id}`);
    await expect(200, 'DELETE', `/users/auth/keys/${key.id}`);
    await expect(404, 'GET', `/users/auth/keys/${key.id}`);
    await expect(404, 'DELETE', `/users/auth/keys/${key.id}`);
    // Platform and users.
    await expect(200, 'GET', '/platform');
    const allocators = await expect(200, 'GET', '/platform/infrastructure/allocators');
    const allocatorId = (allocators.zones as { allocators: { allocator_id: string }[] }[])[0]
      ?.allocators[0]?.allocator_id;
    await expect(200, 'GET', `/platform/infrastructure/allocators/${allocatorId}`);
    await expect(404, 'GET', '/platform/infrastructure/allocators/10.9.9.9');
    await expect(
      202,
      'POST',
      `/platform/infrastructure/allocators/${allocatorId}/maintenance-mode/_start`,
    );
    await expect(
      202,
      'POST',
      `/platform/infrastructure/allocators/${allocatorId}/maintenance-mode/_stop`,
    );
    await expect(200, 'GET', '/platform/infrastructure/runners');
    await expect(200, 'GET', '/stack/versions');
    await expect(200, 'GET', '/deployments/templates?region=ece-region');
    const bare = await expect(
      200,
      'GET',
      '/deployments/templates?region=ece-region&show_instance_configurations=false',
    );
    // instance_configurations is required in the spec: left out, it is empty.
    assert.deepEqual(
      (bare as unknown as { instance_configurations: unknown[] }[]).map(
        (x) => x.instance_configurations,
      ),
      [[], [], [], []],
    );
    await expect(400, 'GET', '/deployments/templates');
    await expect(400, 'GET', '/deployments/templates?region=mars');
    await expect(200, 'GET', '/deployments/templates/observability?region=ece-region');
    await expect(404, 'GET', '/deployments/templates/nope?region=ece-region');
    await expect(200, 'GET', '/users');
    await expect(200, 'GET', '/users/admin');
    await expect(404, 'GET', '/users/nobody');
    const newUser = {
      user_name: 'jdoe',
      full_name: 'Jane Doe',
      security: { password: 'jdoe-password-1', roles: ['ece_platform_viewer'] },
    };
    await expect(200, 'POST', '/users', { body: newUser });
    await expect(409, 'POST', '/users', { body: newUser });
    await expect(400, 'POST', '/users', {
      body: { ...newUser, user_name: 'x2', security: { password: 'pw-12345678', roles: ['root'] } },
    });
    await expect(200, 'DELETE', '/users/jdoe');
    await expect(400, 'DELETE', '/users/admin');
    await expect(404, 'DELETE', '/users/jdoe');
    // Instance configurations, snapshot repositories, proxies, constructors, license.
    const ics = '/platform/configuration/instances';
    await expect(200, 'GET', ics);
    await expect(200, 'GET', `${ics}?show_deleted=true`);
    await expect(200, 'GET', `${ics}/data.default`);
    await expect(404, 'GET', `${ics}/nope`);
    const ic = {
      id: 'data.big',
      name: 'data.big',
      instance_type: 'elasticsearch',
      discrete_sizes: { sizes: [8192], default_size: 8192, resource: 'memory' },
    };
    await expect(201, 'POST', ics, { body: ic });
    await expect(409, 'POST', ics, { body: ic });
    await expect(201, 'POST', ics, { body: { ...ic, id: undefined } });
    await expect(400, 'POST', ics, { body: { name: 'x', discrete_sizes: { sizes: [] } } });
    await expect(200, 'PUT', `${ics}/data.big`, { body: { ...ic, description: 'big' } });
    await expect(201, 'PUT', `${ics}/data.huge`, { body: { ...ic, id: 'data.huge' } });
    await expect(400, 'PUT', `${ics}/data.big`, { body: { ...ic, id: 'other' } });
    await expect(400, 'DELETE', `${ics}/master`);
    await expect(200, 'DELETE', `${ics}/data.big`);
    await expect(404, 'DELETE', `${ics}/data.big`);
    await expect(200, 'GET', `${ics}/data.big?show_deleted=true`);
    const repos = '/platform/configuration/snapshots/repositories';
    await expect(200, 'GET', repos);
    await expect(200, 'GET', `${repos}/ece-snapshots`);
    await expect(404, 'GET', `${repos}/nope`);
    await expect(200, 'PUT', `${repos}/nightly`, {
      body: { type: 'fs', settings: { location: '/mnt/snapshots' } },
    });
    await expect(400, 'PUT', `${repos}/nightly`, { body: { type: 'ftp', settings: {} } });
    await expect(200, 'DELETE', `${repos}/nightly`);
    await expect(202, 'DELETE', `${repos}/ece-snapshots?cleanup_deployments=true`);
    await expect(404, 'DELETE', `${repos}/ece-snapshots`);
    await expect(200, 'GET', '/platform/infrastructure/proxies');
    await expect(200, 'GET', '/platform/infrastructure/proxies/192.168.44.11');
    await expect(404, 'GET', '/platform/infrastructure/proxies/10.9.9.9');
    const ctor = '/platform/infrastructure/constructors';
    await expect(200, 'GET', ctor);
    await expect(200, 'GET', `${ctor}/192.168.44.10`);
    await expect(404, 'GET', `${ctor}/10.9.9.9`);
    await expect(202, 'POST', `${ctor}/192.168.44.10/maintenance-mode/_start`);
    await expect(202, 'POST', `${ctor}/192.168.44.10/maintenance-mode/_stop`);
    await expect(404, 'POST', `${ctor}/10.9.9.9/maintenance-mode/_start`);
    const license = (await expect(200, 'GET', '/platform/license')) as {
      license: Record<string, unknown>;
    };
    const renewed = {
      license: { ...license.license, expiry_date_in_millis: Date.now() + 400 * 86_400_000 },
    };
    await expect(200, 'PUT', '/platform/license', { body: renewed });
    await expect(400, 'PUT', '/platform/license', {
      body: { license: { ...license.license, expiry_date_in_millis: 1 } },
    });
    await expect(400, 'PUT', '/platform/license', { body: { license: { uid: 'x' } } });
    // Deployments.
    await expect(200, 'GET', '/deployments');
    await expect(400, 'POST', '/deployments', {
      body: { name: 'no-es', resources: { kibana: [] } },
    });
    await expect(400, 'POST', '/deployments', { raw: '{"name": ', body: undefined });
    await expect(200, 'POST', '/deployments?validate_only=true', {
      body: createRequest('check-only'),
    });
    await expect(400, 'POST', '/deployments?request_id=req-1', { body: createRequest('short') });
    const created = await expect(
      201,
      'POST',
      '/deployments?request_id=contract-test-request-0000000001',
      {
        body: createRequest('orders', [...KINDS]),
      },
    );
    await expect(202, 'POST', '/deployments?request_id=contract-test-request-0000000001', {
      body: createRequest('orders'),
    });
    const bad = JSON.parse(
      JSON.stringify(createRequest('bad-version')).replaceAll('8.15.1', '6.0.0'),
    ) as Record<string, unknown>;
    await expect(400, 'POST', '/deployments', { body: bad });
    await expect(400, 'POST', '/users/auth/keys', { body: { description: 'x' }, auth: bearer2 });
    await expect(201, 'POST', '/deployments?template_id=observability', {
      body: { name: 'from-template' },
    });
    await expect(404, 'POST', '/deployments?template_id=nope', { body: { name: 'bad-template' } });
    const id = String(created.id);
    for (const q of [
      '',
      '?show_plans=false',
      '?show_plan_logs=true&show_plan_history=true&show_settings=true&show_metadata=true',
    ]) {
      await expect(200, 'GET', `/deployments/${id}${q}`);
    }
    await expect(
      200,
      'GET',
      `/deployments/${id}?show_instance_configurations=false&enrich_with_template=false`,
    );
    t.advance(4_000);
    await expect(200, 'GET', `/deployments/${id}?show_plan_logs=true`);
    await expect(422, 'POST', `/deployments/${id}/elasticsearch/_main/_restart`);
    await expect(200, 'DELETE', `/deployments/${id}/elasticsearch/main-elasticsearch/plan/pending`);
    await expect(400, 'DELETE', `/deployments/${id}/elasticsearch/main-elasticsearch/plan/pending`);
    t.advance(20_000);
    await expect(200, 'GET', `/deployments/${id}?show_plan_logs=true&show_plan_history=true`);
    const update = {
      prune_orphans: false,
      resources: { kibana: (createRequest('x').resources as { kibana: unknown[] }).kibana },
    };
    await expect(200, 'PUT', `/deployments/${id}`, { body: update });
    await expect(200, 'PUT', `/deployments/${id}?validate_only=true`, {
      body: { ...update, prune_orphans: true },
    });
    await expect(409, 'PUT', `/deployments/${id}?version=1`, { body: update });
    await expect(400, 'PUT', `/deployments/${id}`, { body: { resources: {} } });
    await expect(404, 'PUT', '/deployments/0000', { body: update });
    // Read-modify-write: the plans without their transient part, sent back with ?version=.
    const read = await call(
      'GET',
      `/deployments/${id}?clear_transient=true&enrich_with_template=false`,
    );
    assert.equal(read.status, 200);
    const version = read.headers.get('x-cloud-resource-version');
    await expect(200, 'PUT', `/deployments/${id}?version=${version}`, { body: update });
    // The Elasticsearch proxy and _reset-password, on a deployment that runs.
    const running = ((await expect(200, 'GET', '/deployments')).deployments as { id: string }[])[0]
      ?.id;
    const es = `/deployments/${running}/elasticsearch/main-elasticsearch`;
    const managed = { headers: { 'X-Management-Request': 'true' } };
    await expect(200, 'GET', `${es}/proxy/`, managed);
    await expect(200, 'GET', `${es}/proxy/_cluster/health`, managed);
    for (const method of ['POST', 'PUT', 'DELETE'])
      await expect(404, method, `/deployments/${running}/elasticsearch/nope/proxy/logs`, managed);
    await expect(200, 'POST', `${es}/_reset-password`);
    await expect(404, 'POST', `/deployments/${running}/elasticsearch/nope/_reset-password`);
    t.advance(20_000);
    await expect(202, 'POST', `/deployments/${id}/elasticsearch/main-elasticsearch/_restart`);
    await expect(422, 'POST', `/deployments/${id}/elasticsearch/main-elasticsearch/_restart`);
    await expect(
      202,
      'POST',
      `/deployments/${id}/elasticsearch/main-elasticsearch/_restart?cancel_pending=true`,
    );
    await expect(202, 'POST', `/deployments/${id}/kibana/main-kibana/_restart`);
    await expect(404, 'POST', `/deployments/${id}/kibana/nope/_restart`);
    await expect(202, 'POST', `/deployments/${id}/kibana/main-kibana/instances/_stop`);
    await expect(202, 'POST', `/deployments/${id}/kibana/main-kibana/instances/_start`);
    await expect(200, 'POST', '/deployments/_search', {
      body: { query: { match_all: {} }, size: 2 },
    });
    await expect(200, 'POST', '/deployments/_search', {
      body: {
        query: {
          bool: {
            must: [
              { prefix: { name: { value: 'ord' } } },
              {
                nested: {
                  path: 'resources.elasticsearch',
                  query: { term: { 'resources.elasticsearch.region': { value: 'ece-region' } } },
                },
              },
            ],
          },
        },
        sort: [{ 'name.keyword': { order: 'desc' } }],
      },
    });
    await expect(200, 'POST', '/deployments/_search', {
      body: { query: { match: { name: { query: 'orders' } } } },
    });
    await expect(200, 'POST', '/deployments/_search', {
      body: {
        query: {
          nested: {
            path: 'resources.kibana',
            query: { term: { 'resources.kibana.info.status': { value: 'started' } } },
          },
        },
        from: 1,
        size: 2,
        sort: [{ 'name.keyword': 'asc' }],
      },
    });
    await expect(200, 'POST', '/deployments/_search?minimal_metadata=id,name', {
      body: { query: { query_string: { query: 'name:ord* OR metrics' } } },
    });
    await expect(400, 'POST', '/deployments/_search', {
      body: { query: { nested: { path: 'resources', query: { match_all: {} } } } },
    });
    await expect(400, 'POST', '/deployments/_search', { body: { sort: ['name'] } });
    await expect(200, 'POST', '/deployments/_search');
    await expect(400, 'POST', '/deployments/_search', {
      body: { query: { fuzzy: { name: 'x' } } },
    });
    await expect(400, 'POST', '/deployments/_search', { body: { cursor: 'garbage' } });
    await expect(400, 'DELETE', `/deployments/${id}`);
    await expect(400, 'POST', `/deployments/${id}/_restore`);
    await expect(200, 'POST', `/deployments/${id}/_shutdown?skip_snapshot=true`);
    await expect(200, 'GET', `/deployments/${id}`);
    t.advance(20_000);
    await expect(200, 'POST', `/deployments/${id}/_restore`);
    t.advance(20_000);
    await expect(200, 'POST', `/deployments/${id}/_shutdown`);
    t.advance(20_000);
    await expect(202, 'POST', `/deployments/${id}/kibana/_main/_restart`);
    await expect(400, 'DELETE', `/deployments/${id}`);
    t.advance(20_000);
    await expect(200, 'POST', `/deployments/${id}/_shutdown`);
    t.advance(20_000);
    await expect(200, 'DELETE', `/deployments/${id}`);
    await expect(404, 'GET', `/deployments/${id}`);
    await expect(404, 'POST', `/deployments/${id}/_shutdown`);
    // allocators (vacate, delete, search, metadata)
    const alloc = '/platform/infrastructure/allocators';
    await expect(200, 'POST', `${alloc}/_search`, {
      body: { query: { term: { zone_id: { value: 'ece-zone-2' } } }, size: 10 },
    });
    await expect(200, 'POST', `${alloc}/_search`, {
      body: { query: { term: { 'status.maintenance_mode': { value: 'false' } } } },
    });
    await expect(400, 'POST', `${alloc}/_search`, { body: { query: { fuzzy: { zone_id: 'x' } } } });
    await expect(200, 'GET', `${alloc}/192.168.44.11/metadata`);
    await expect(404, 'GET', `${alloc}/10.9.9.9/metadata`);
    await expect(200, 'PUT', `${alloc}/192.168.44.11/metadata/rack`, { body: { value: 'r9' } });
    await expect(400, 'PUT', `${alloc}/192.168.44.11/metadata/rack`, { body: { value: '' } });
    await expect(200, 'DELETE', `${alloc}/192.168.44.11/metadata/rack`);
    await expect(202, 'POST', `${alloc}/192.168.44.11/clusters/_move?validate_only=true`, {
      body: {},
    });
    await expect(202, 'POST', `${alloc}/192.168.44.11/clusters/kibana/_move?validate_only=true`);
    await expect(400, 'POST', `${alloc}/192.168.44.11/clusters/nothing/_move`);
    await expect(404, 'POST', `${alloc}/10.9.9.9/clusters/_move`);
    await expect(400, 'DELETE', `${alloc}/192.168.44.11`);
    await expect(202, 'POST', `${alloc}/192.168.44.11/clusters/_move?allocator_down=false`);
    t.advance(20_000);
    await expect(202, 'POST', `${alloc}/192.168.44.11/clusters/_move`);
    t.advance(20_000);
    await expect(200, 'DELETE', `${alloc}/192.168.44.11`);
    await expect(404, 'DELETE', `${alloc}/192.168.44.11`);
    await expect(404, 'GET', '/no/such/thing');
    await expect(405, 'PATCH', '/deployments');
  });

  it('every response body validated; every request body the test sent too', () => {
    assert.ok(t.exchanges.length >= 70, `only ${t.exchanges.length} exchanges`);
    const problems: string[] = [];
    for (const e of t.exchanges) {
      if (e.url.startsWith('/api/v1/no/') || e.status === 405) {
        problems.push(
          ...responseViolations('GET', '/api/v1/deployments', 401, e.body).map(
            (v) => `${e.method} ${e.url}: ${v}`,
          ),
        );
        continue;
      }
      // The proxy passes Elasticsearch's body through; the spec's GenericResponse
      // ({value: string}) is a generator artifact that no real proxy answer has.
      if (e.template?.endsWith('/proxy/{proxy_path}') && e.status === 200) continue;
      for (const v of responseViolations(e.method, e.url, e.status, e.body))
        problems.push(`${e.method} ${e.url} ${e.status}: ${v}`);
      if (e.status < 400) {
        for (const v of requestViolations(e.method, e.url, e.requestBody))
          problems.push(`request ${e.method} ${e.url}: ${v}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('reaches every route the sandbox has, so none goes unchecked', () => {
    const hit = new Set(t.exchanges.map((e) => `${e.method} ${e.template}`));
    const all = routes({ state: t.sb.state, auth: t.sb.auth, users: [], maintenance: new Set() });
    const missed = all.map((r) => `${r.method} ${r.path}`).filter((r) => !hit.has(r));
    assert.deepEqual(missed, []);
  });
});
