// Drives every sandbox endpoint, success and error paths, and checks every
// response body (and every request body sent) against the specification.

import { after, before, describe, it } from 'node:test';
import { KINDS } from '../../src/api/kinds.js';
import { routes } from '../../src/sandbox/routes.js';
import assert from '../helpers/assert.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { requestViolations, responseViolations } from '../helpers/spec.js';
import { makeRsaPki } from '../helpers/tls.js';
import { makeZip } from '../helpers/zip.js';

/**
 * Routes whose every answer (success and error) another file drives and
 * validates against the spec the same way (responseViolations), named here so
 * that a route nobody checks still fails below.
 */
const CHECKED_ELSEWHERE: [RegExp, string][] = [
  [/\/logging_settings$/, 'test/commands/logging.test.ts'],
  [
    /^\w+ \/(platform\/configuration\/(store|trust-relationships|security\/extra_certs|networking\/deployment_domain_name|api_base_url|templates\/deployments\/global)|phone-home\/config)\b/,
    'test/commands/platform-config.test.ts',
  ],
  [
    /^\w+ \/deployments\/\{id\}\/(elasticsearch\/\{ref\}\/(_enable-(ilm|slm|ccr)|eligible-remote-clusters)|\{kind\}\/\{ref\}\/(_restore|_shutdown|diagnostics\/_capture|instances\/(\{instances\}\/)?overrides)|apm\/\{ref\}\/_reset-token|appsearch\/\{ref\}\/read_only_mode|certificate-authority|upgrade_assistant\/status|migrate_template)/,
    'test/sandbox/resource-ops.test.ts',
  ],
  [
    /^POST \/platform\/infrastructure\/constructors\/(\{id\}\/)?_resync$/,
    'test/commands/constructors-resync.test.ts',
  ],
];

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
    // One resource on its own: its info, a plan attempt by id, deleting a stateless one.
    for (const kind of KINDS) {
      await expect(200, 'GET', `/deployments/${id}/${kind}/main-${kind}`);
      await expect(
        200,
        'GET',
        `/deployments/${id}/${kind}/_main?show_plans=false&show_plan_logs=true&show_plan_history=true&show_settings=true&show_metadata=true`,
      );
    }
    await expect(404, 'GET', `/deployments/${id}/kibana/nope`);
    await expect(404, 'GET', '/deployments/0000/kibana/_main');
    const esInfo = (await expect(200, 'GET', `/deployments/${id}/elasticsearch/_main`)) as {
      info: { plan_info: { pending?: { plan_attempt_id: string } } };
    };
    const attempt = esInfo.info.plan_info.pending?.plan_attempt_id;
    await expect(200, 'GET', `/deployments/${id}/elasticsearch/_main/activity/${attempt}`);
    await expect(404, 'GET', `/deployments/${id}/elasticsearch/_main/activity/nope`);
    await expect(400, 'DELETE', `/deployments/${id}/apm/main-apm`);
    await expect(400, 'DELETE', `/deployments/${id}/elasticsearch/main-elasticsearch`);
    await expect(404, 'DELETE', `/deployments/${id}/apm/nope`);
    {
      const doomed = await expect(201, 'POST', '/deployments', {
        body: createRequest('doomed', ['elasticsearch', 'kibana', 'apm']),
      });
      t.advance(20_000);
      // Pruned from the deployment, the APM resource is shut down; then it can go.
      await expect(200, 'PUT', `/deployments/${doomed.id}`, {
        body: {
          prune_orphans: true,
          resources: createRequest('doomed', ['elasticsearch', 'kibana']).resources,
        },
      });
      t.advance(20_000);
      await expect(200, 'DELETE', `/deployments/${doomed.id}/apm/main-apm`);
      await expect(404, 'GET', `/deployments/${doomed.id}/apm/main-apm`);
    }
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
    // extensions and stack packs
    {
      const form = (zip: Buffer) => ({
        raw: Buffer.concat([
          Buffer.from(
            '--b0\r\nContent-Disposition: form-data; name="file"; filename="x.zip"\r\nContent-Type: application/zip\r\n\r\n',
          ),
          zip,
          Buffer.from('\r\n--b0--\r\n'),
        ]),
        headers: { 'content-type': 'multipart/form-data; boundary=b0' },
      });
      await expect(200, 'GET', '/deployments/extensions');
      const ext = await expect(201, 'POST', '/deployments/extensions', {
        body: { name: 'synonyms', extension_type: 'bundle', version: '8.*' },
      });
      await expect(400, 'POST', '/deployments/extensions', {
        body: { name: 'a b', extension_type: 'bundle', version: '8.*' },
      });
      const extPath = `/deployments/extensions/${String(ext.id)}`;
      await expect(200, 'GET', `${extPath}?include_deployments=true`);
      await expect(404, 'GET', '/deployments/extensions/404404');
      await expect(200, 'POST', extPath, {
        body: { name: 'synonyms', extension_type: 'bundle', version: '8.15.1', description: 'd' },
      });
      await expect(200, 'PUT', extPath, form(makeZip({ 'synonyms.txt': 'a,b' })));
      await expect(400, 'PUT', extPath, form(Buffer.from('not a zip')));
      await expect(400, 'PUT', extPath, { body: {} });
      await expect(200, 'DELETE', extPath);
      await expect(404, 'DELETE', extPath);
      await expect(200, 'POST', '/stack/versions', form(makeZip({ '9.1.0/stackpack.json': '{}' })));
      await expect(400, 'POST', '/stack/versions', form(makeZip({ 'README.txt': 'x' })));
      await expect(200, 'GET', '/stack/versions/9.1.0');
      await expect(404, 'GET', '/stack/versions/9.9.9');
      await expect(200, 'DELETE', '/stack/versions/9.1.0');
      await expect(404, 'DELETE', '/stack/versions/9.9.9');
    }
    // templates, runners and runner roles
    {
      const tq = '?region=ece-region';
      const tpl = (await expect(200, 'GET', `/deployments/templates/default${tq}`)) as Record<
        string,
        unknown
      >;
      const { id: _id, instance_configurations: _ic, system_owned: _so, ...tplBody } = tpl;
      const made = await expect(201, 'POST', `/deployments/templates${tq}`, {
        body: { ...tplBody, name: 'Posted' },
      });
      await expect(400, 'POST', '/deployments/templates?region=mars', { body: tplBody });
      await expect(400, 'POST', `/deployments/templates${tq}`, { body: { name: 'no body' } });
      await expect(201, 'PUT', `/deployments/templates/logs${tq}&create_only=true`, {
        body: { ...tplBody, name: 'Logs' },
      });
      await expect(409, 'PUT', `/deployments/templates/logs${tq}&create_only=true`, {
        body: tplBody,
      });
      await expect(409, 'PUT', `/deployments/templates/logs${tq}&version=7`, { body: tplBody });
      await expect(200, 'PUT', `/deployments/templates/logs${tq}&version=1`, { body: tplBody });
      const used = createRequest('uses-logs', ['elasticsearch']);
      const es = (used.resources as Record<string, { plan: Record<string, unknown> }[]>)
        .elasticsearch?.[0];
      if (es) es.plan.deployment_template = { id: 'logs' };
      await expect(201, 'POST', '/deployments', { body: used });
      await expect(400, 'DELETE', `/deployments/templates/logs${tq}`);
      await expect(400, 'DELETE', `/deployments/templates/default${tq}`);
      await expect(200, 'DELETE', `/deployments/templates/${String(made.id)}${tq}`);
      await expect(404, 'DELETE', `/deployments/templates/${String(made.id)}${tq}`);
      const runner = '/platform/infrastructure/runners';
      await expect(200, 'GET', `${runner}/192.168.44.10`);
      await expect(404, 'GET', `${runner}/10.9.9.9`);
      await expect(200, 'POST', `${runner}/_search`, {
        body: { query: { term: { 'roles.role_name': { value: 'allocator' } } }, size: 2 },
      });
      await expect(400, 'POST', `${runner}/_search`, { body: { query: { nope: {} } } });
      await expect(202, 'POST', `${runner}/_resync`);
      await expect(200, 'POST', `${runner}/192.168.44.10/_resync`);
      await expect(200, 'PUT', `${runner}/192.168.44.12/roles`, {
        body: { roles: [{ role_name: 'allocator' }, { role_name: 'proxy' }] },
      });
      await expect(400, 'PUT', `${runner}/192.168.44.12/roles`, {
        body: { roles: [{ role_name: 'nope' }] },
      });
      await expect(404, 'PUT', `${runner}/10.9.9.9/roles`, { body: { roles: [] } });
      await expect(400, 'DELETE', `${runner}/192.168.44.10`);
      const roles = '/platform/infrastructure/blueprinter/roles';
      await expect(200, 'GET', roles);
      const proxy = (await expect(200, 'GET', `${roles}/proxy`)) as {
        role: { value: Record<string, unknown> };
      };
      await expect(404, 'GET', `${roles}/nope`);
      const role = { ...proxy.role.value, id: 'edge' };
      await expect(201, 'POST', roles, { body: { role } });
      await expect(409, 'POST', roles, { body: { role } });
      await expect(409, 'PUT', `${roles}/edge?version=9`, { body: role });
      await expect(200, 'PUT', `${roles}/edge?version=1`, {
        body: { ...role, auto_blessed: true },
      });
      await expect(200, 'PUT', `${runner}/192.168.44.12/roles`, {
        body: { roles: [{ role_name: 'edge' }] },
      });
      await expect(400, 'PUT', `${roles}/edge`, { body: { ...role, containers: [] } });
      await expect(400, 'DELETE', `${roles}/edge`);
      await expect(200, 'PUT', `${runner}/192.168.44.12/roles`, { body: { roles: [] } });
      await expect(409, 'DELETE', `${roles}/edge?version=1`);
      await expect(200, 'DELETE', `${roles}/edge`);
      await expect(200, 'DELETE', `${runner}/192.168.44.12`);
      await expect(404, 'DELETE', `${runner}/192.168.44.12`);
    }
    // users, other users' keys, enrollment tokens, TLS certificates
    await expect(200, 'POST', '/users', {
      body: {
        user_name: 'jdoe',
        security: { password: 'pw-12345678', roles: ['ece_platform_viewer'] },
      },
    });
    await expect(200, 'PATCH', '/users/jdoe', {
      body: { email: 'j@example.com', security: { roles: ['ece_deployment_viewer'] } },
    });
    await expect(400, 'PATCH', '/users/jdoe', { body: { security: { roles: ['nope'] } } });
    await expect(400, 'PATCH', '/users/admin', { body: { full_name: 'x' } });
    await expect(404, 'PATCH', '/users/nobody', { body: { full_name: 'x' } });
    await expect(200, 'PATCH', '/users/jdoe', { body: { security: { enabled: false } } });
    const visible = await expect(200, 'GET', '/users');
    assert.equal(JSON.stringify(visible).includes('jdoe'), false);
    await expect(200, 'GET', '/users?include_disabled=true');
    await expect(400, 'DELETE', '/users/sandbox-admin');
    const all = await expect(200, 'GET', '/users/auth/keys/_all');
    const own = (all.keys as { id: string; user_id: string }[])[0] as {
      id: string;
      user_id: string;
    };
    await expect(200, 'GET', `/users/${own.user_id}/auth/keys`);
    await expect(404, 'GET', '/users/nobody/auth/keys');
    await expect(200, 'GET', `/users/${own.user_id}/auth/keys/${own.id}`);
    await expect(404, 'DELETE', `/users/${own.user_id}/auth/keys/no-such-key`);
    const spare = await expect(201, 'POST', '/users/auth/keys', { body: { description: 'spare' } });
    await expect(200, 'DELETE', `/users/${own.user_id}/auth/keys/${spare.id}`);
    const tokens = '/platform/configuration/security/enrollment-tokens';
    await expect(200, 'POST', tokens, {
      body: { persistent: false, roles: ['allocator'], validity_in_seconds: 60 },
    });
    const persistent = await expect(200, 'POST', tokens, {
      body: { persistent: true, roles: ['proxy'] },
    });
    await expect(400, 'POST', tokens, { body: { persistent: true, validity_in_seconds: 60 } });
    await expect(400, 'POST', tokens, { body: { persistent: false, roles: ['chef'] } });
    await expect(200, 'GET', tokens);
    await expect(200, 'DELETE', `${tokens}/${persistent.token_id}`);
    await expect(404, 'DELETE', `${tokens}/${persistent.token_id}`);
    const tls = '/platform/configuration/security/tls';
    await expect(200, 'GET', `${tls}/ui`);
    await expect(200, 'GET', `${tls}/internalca`);
    await expect(404, 'GET', `${tls}/mail`);
    // ECE takes an RSA key in PKCS#1 form only.
    // The test helper's PKI is removed with the run (adopted), and its key is PKCS#1.
    const pki = await makeRsaPki(['ui.example.com']);
    const rsaKey = `${pki.key.trim()}\n`;
    // A JSON string, as `tls set` sends it (a text/plain body is taken as text).
    const asJson = { 'content-type': 'application/json' };
    await expect(202, 'POST', `${tls}/ui`, {
      raw: JSON.stringify(`${rsaKey}${pki.cert}${pki.caCert}`),
      headers: asJson,
    });
    await expect(400, 'POST', `${tls}/ui`, {
      raw: JSON.stringify(`${pki.cert}${pki.caCert}`),
      headers: asJson,
    });
    await expect(400, 'POST', `${tls}/internalca`, {
      raw: JSON.stringify(`${pki.key}${pki.cert}`),
      headers: asJson,
    });
    await expect(200, 'DELETE', '/users/jdoe');
    // traffic filters and comments
    {
      const prod = t.sb.state.list().find((d) => d.name === 'prod-logs');
      const prodId = prod?.id ?? '';
      const esId = prod?.resources.find((r) => r.kind === 'elasticsearch')?.id ?? '';
      const tf = '/deployments/traffic-filter/rulesets';
      const seeded = (await expect(200, 'GET', `${tf}?include_associations=true`)) as {
        rulesets: { id: string; associations: { id: string }[] }[];
      };
      assert.deepEqual(seeded.rulesets[0]?.associations, [
        { entity_type: 'deployment', id: prodId },
      ]);
      const seededId = seeded.rulesets[0]?.id ?? '';
      const ruleset = {
        name: 'vpn',
        type: 'ip',
        region: 'ece-region',
        include_by_default: false,
        rules: [{ source: '10.8.0.0/16' }],
      };
      const made = await expect(201, 'POST', tf, { body: ruleset });
      await expect(400, 'POST', tf, { body: { ...ruleset, rules: [{ source: 'nope' }] } });
      await expect(400, 'POST', tf, { body: { ...ruleset, region: 'mars' } });
      const rs = `${tf}/${String(made.id)}`;
      await expect(200, 'GET', `${rs}?include_associations=true`);
      await expect(404, 'GET', `${tf}/nope`);
      await expect(200, 'PUT', rs, { body: { ...ruleset, description: 'VPN' } });
      await expect(404, 'PUT', `${tf}/nope`, { body: ruleset });
      await expect(201, 'POST', `${rs}/associations`, {
        body: { entity_type: 'deployment', id: prodId },
      });
      await expect(200, 'POST', `${rs}/associations`, {
        body: { entity_type: 'deployment', id: prodId },
      });
      await expect(400, 'POST', `${rs}/associations`, {
        body: { entity_type: 'cluster', id: esId },
      });
      await expect(404, 'POST', `${rs}/associations`, {
        body: { entity_type: 'deployment', id: 'f'.repeat(32) },
      });
      const of = `/deployments/traffic-filter/associations/deployment/${prodId}/rulesets`;
      const rulesets = await expect(200, 'GET', of);
      assert.deepEqual(rulesets, { rulesets: [seededId, String(made.id)] });
      await expect(400, 'GET', `/deployments/traffic-filter/associations/nope/${prodId}/rulesets`);
      await expect(400, 'DELETE', rs);
      await expect(200, 'DELETE', `${rs}/associations/deployment/${prodId}`);
      await expect(404, 'DELETE', `${rs}/associations/deployment/${prodId}`);
      await expect(200, 'DELETE', rs);
      await expect(404, 'DELETE', rs);
      await expect(200, 'DELETE', `${tf}/${seededId}?ignore_associations=true`);
      // Comments.
      const es = `/comments/elasticsearch/${esId}`;
      await expect(200, 'GET', es);
      await expect(404, 'GET', '/comments/elasticsearch/nope');
      await expect(400, 'GET', `/comments/deployment/${prodId}`);
      const comment = await expect(201, 'POST', es, { body: { message: 'Resized' } });
      await expect(400, 'POST', es, { body: { message: ' ' } });
      await expect(404, 'POST', '/comments/allocator/10.9.9.9', { body: { message: 'x' } });
      await expect(201, 'POST', '/comments/constructor/192.168.44.10', { body: { message: 'x' } });
      const one = `${es}/${String(comment.id)}`;
      const read = await call('GET', one);
      assert.equal(read.status, 200);
      const version = encodeURIComponent(read.headers.get('x-cloud-resource-version') ?? '');
      await expect(404, 'GET', `${es}/nope`);
      await expect(200, 'PUT', `${one}?version=${version}`, { body: { message: 'Resized to 8g' } });
      await expect(409, 'PUT', `${one}?version=0%7C0`, { body: { message: 'again' } });
      const other = await expect(200, 'POST', '/users/auth/_login', {
        body: { username: 'admin', password: 'pw-123456' },
        auth: null,
      });
      const admin = `Bearer ${String(other.token)}`;
      await expect(401, 'PUT', one, { body: { message: 'not mine' }, auth: admin });
      await expect(401, 'DELETE', one, { auth: admin });
      await expect(409, 'DELETE', `${one}?version=0%7C0`);
      await expect(200, 'GET', '/comments/runner/192.168.44.11');
      await expect(200, 'DELETE', one);
      await expect(404, 'DELETE', one);
    }
    // deployments instances, dumps and resync
    {
      const base = `/deployments/${running}/elasticsearch/main-elasticsearch/instances`;
      const one = `${base}/instance-0000000000`;
      await expect(202, 'POST', `${base}/maintenance-mode/_start`);
      await expect(202, 'POST', `${base}/maintenance-mode/_stop`);
      await expect(202, 'POST', `${one}/maintenance-mode/_start`);
      await expect(202, 'POST', `${one}/maintenance-mode/_stop`);
      await expect(404, 'POST', `${base}/instance-0000000009/maintenance-mode/_start`);
      await expect(202, 'POST', `${base}/instance-0000000009/_stop?ignore_missing=true`);
      await expect(202, 'POST', `${one}/_stop`);
      await expect(202, 'POST', `${one}/_start`);
      await expect(404, 'POST', `${base}/instance-0000000009/_start`);
      await expect(200, 'POST', `${one}/_move?validate_only=true`, {
        body: { plan_configuration: { preferred_allocators: ['192.168.44.12'] } },
      });
      await expect(202, 'POST', `${one}/_move`, {
        body: { plan_configuration: { preferred_allocators: ['192.168.44.12'] } },
      });
      await expect(404, 'POST', `${base}/instance-0000000009/_move`);
      await expect(200, 'POST', `${one}/thread_dump/_capture`);
      await expect(404, 'POST', `${base}/instance-0000000009/thread_dump/_capture`);
      await expect(404, 'GET', `${one}/heap_dump/_download`);
      await expect(202, 'POST', `${one}/heap_dump/_capture`);
      await expect(200, 'GET', `/deployments/${running}/heap_dumps`);
      t.advance(3_000);
      await expect(200, 'GET', `/deployments/${running}/heap_dumps`);
      await expect(200, 'GET', `${one}/heap_dump/_download`);
      await expect(
        404,
        'POST',
        `/deployments/${running}/kibana/main-kibana/instances/x/heap_dump/_capture`,
      );
      await expect(404, 'GET', '/deployments/0000/heap_dumps');
      await expect(200, 'POST', `/deployments/${running}/_resync`);
      await expect(404, 'POST', '/deployments/0000/_resync');
      await expect(200, 'POST', '/deployments/_resync');
      await expect(200, 'POST', '/deployments/_resync?skip_matching_version=false');
    }
    // keystore and remote clusters
    {
      const all = (await expect(200, 'GET', '/deployments')) as {
        deployments: { id: string; name: string }[];
      };
      const [a, b] = all.deployments.filter((d) => !/admin|logging|security/.test(d.name));
      const es = `/deployments/${a?.id}/elasticsearch/main-elasticsearch`;
      await expect(200, 'PATCH', `${es}/keystore`, {
        body: { secrets: { 's3.client.default.secret_key': { value: 'v-1', as_file: false } } },
      });
      await expect(200, 'PATCH', `/deployments/${a?.id}/elasticsearch/_main/keystore`, {
        body: { secrets: { 'gcs.client.default.credentials_file': { value: { type: 'sa' } } } },
      });
      await expect(200, 'GET', `${es}/keystore`);
      await expect(200, 'PATCH', `${es}/keystore`, {
        body: { secrets: { 's3.client.default.secret_key': {} } },
      });
      await expect(400, 'PATCH', `${es}/keystore`, { body: { secrets: { 'bad name': {} } } });
      await expect(400, 'PATCH', `${es}/keystore`, { body: {} });
      await expect(404, 'GET', `/deployments/${a?.id}/elasticsearch/nope/keystore`);
      await expect(404, 'GET', `/deployments/${'f'.repeat(32)}/elasticsearch/_main/keystore`);
      const remote = {
        alias: 'other',
        deployment_id: b?.id,
        elasticsearch_ref_id: 'main-elasticsearch',
      };
      await expect(202, 'PUT', `${es}/remote-clusters`, { body: { resources: [remote] } });
      await expect(200, 'GET', `${es}/remote-clusters`);
      await expect(400, 'PUT', `${es}/remote-clusters`, {
        body: { resources: [{ ...remote, alias: 'a b' }] },
      });
      await expect(400, 'PUT', `${es}/remote-clusters`, {
        body: { resources: [{ ...remote, deployment_id: 'f'.repeat(32) }] },
      });
      await expect(400, 'PUT', `${es}/remote-clusters`, { body: { resources: [remote, remote] } });
      await expect(404, 'PUT', `/deployments/${a?.id}/elasticsearch/nope/remote-clusters`, {
        body: { resources: [] },
      });
      await expect(202, 'PUT', `${es}/remote-clusters`, { body: { resources: [] } });
    }
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
    // Security realms, the security deployment, coordinators, proxy groups, health and settings.
    const realms = '/platform/configuration/security/realms';
    const ldap = {
      id: 'corp-ldap',
      name: 'Corporate LDAP',
      urls: ['ldaps://ldap.example.com:636'],
      bind_anonymously: false,
      bind_type: 'user_search',
      bind_password: 'bind-pw-123',
    };
    const ad = { ...ldap, id: 'corp-ad', domain_name: 'example.com', bind_type: undefined };
    const saml = {
      id: 'corp-sso',
      name: 'SSO',
      idp: { entity_id: 'urn:idp', metadata_path: 'https://idp.example.com/metadata' },
      sp: { entity_id: 'urn:ece', acs: 'https://ece/acs', logout: 'https://ece/logout' },
      attributes: { principal: 'nameid', groups: 'groups' },
    };
    await expect(201, 'POST', `${realms}/ldap`, { body: ldap });
    await expect(400, 'POST', `${realms}/ldap`, { body: ldap });
    await expect(400, 'POST', `${realms}/ldap`, {
      body: { ...ldap, id: 'x2', bind_type: 'maybe' },
    });
    await expect(201, 'POST', `${realms}/active-directory`, { body: ad });
    await expect(201, 'POST', `${realms}/saml`, { body: saml });
    await expect(200, 'GET', realms);
    await expect(200, 'GET', `${realms}/ldap/corp-ldap`);
    await expect(404, 'GET', `${realms}/saml/corp-ldap`);
    await expect(200, 'GET', `${realms}/active-directory/corp-ad`);
    await expect(200, 'GET', `${realms}/saml/corp-sso`);
    await expect(409, 'PUT', `${realms}/ldap/corp-ldap?version=9`, { body: ldap });
    await expect(200, 'PUT', `${realms}/ldap/corp-ldap?version=1`, { body: ldap });
    await expect(200, 'PUT', `${realms}/active-directory/corp-ad`, { body: ad });
    await expect(200, 'PUT', `${realms}/saml/corp-sso`, { body: saml });
    await expect(400, 'POST', `${realms}/_reorder`, { body: { realms: ['corp-ldap'] } });
    await expect(200, 'POST', `${realms}/_reorder`, {
      body: { realms: ['corp-ldap', 'corp-ad', 'corp-sso', 'sso-okta'] },
    });
    await expect(409, 'DELETE', `${realms}/ldap/corp-ldap?version=1`);
    await expect(200, 'DELETE', `${realms}/ldap/corp-ldap`);
    await expect(200, 'DELETE', `${realms}/active-directory/corp-ad`);
    await expect(200, 'DELETE', `${realms}/saml/corp-sso`);
    await expect(404, 'DELETE', `${realms}/saml/corp-sso`);
    const secDep = '/platform/configuration/security/deployment';
    await expect(200, 'GET', secDep);
    await expect(409, 'POST', secDep, { body: { name: 'security' } });
    await expect(200, 'PUT', secDep, { body: { topology: { zone_count: 2 } } });
    await expect(400, 'PUT', secDep, { body: { version: '1.0.0' } });
    const coord = '/platform/infrastructure/coordinators';
    await expect(200, 'GET', coord);
    await expect(200, 'GET', `${coord}/192.168.44.10`);
    await expect(404, 'GET', `${coord}/10.9.9.9`);
    await expect(200, 'GET', `${coord}/candidates`);
    await expect(200, 'GET', `${coord}/candidates/192.168.44.13`);
    await expect(202, 'POST', `${coord}/candidates/192.168.44.13/_promote`);
    await expect(404, 'POST', `${coord}/candidates/192.168.44.13/_promote`);
    await expect(200, 'POST', `${coord}/192.168.44.13/_demote`);
    await expect(200, 'DELETE', `${coord}/candidates/192.168.44.13`);
    await expect(404, 'DELETE', `${coord}/candidates/192.168.44.13`);
    const px = '/platform/infrastructure/proxies';
    const group = {
      id: 'zone-1',
      filters: [{ key: 'zone', value: 'ece-zone-1' }],
      expected_proxies_count: 2,
    };
    await expect(200, 'POST', `${px}/filtered-groups`, { body: group });
    await expect(400, 'POST', `${px}/filtered-groups`, { body: group });
    await expect(200, 'GET', `${px}/filtered-groups/zone-1`);
    await expect(404, 'GET', `${px}/filtered-groups/nope`);
    await expect(417, 'GET', `${px}/filtered-groups/zone-1/health?expect_status=Green`);
    await expect(417, 'GET', `${px}/health?expect_status=Green`);
    await expect(409, 'PUT', `${px}/filtered-groups/zone-1?version=7`, { body: group });
    await expect(200, 'PUT', `${px}/filtered-groups/zone-1?version=1`, {
      body: { ...group, expected_proxies_count: 1 },
    });
    await expect(200, 'GET', `${px}/filtered-groups/zone-1/health`);
    await expect(200, 'GET', `${px}/health?expect_status=Green`);
    await expect(200, 'DELETE', `${px}/filtered-groups/zone-1?version=2`);
    const settings = await expect(200, 'GET', `${px}/settings`);
    await expect(409, 'PUT', `${px}/settings?version=5`, { body: settings });
    await expect(200, 'PUT', `${px}/settings?version=1`, { body: settings });
    await expect(200, 'PATCH', `${px}/settings?version=2`, { body: { expected_proxies_count: 3 } });
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
    const missed = all
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !hit.has(r) && !CHECKED_ELSEWHERE.some(([re]) => re.test(r)));
    assert.deepEqual(missed, []);
  });
});
