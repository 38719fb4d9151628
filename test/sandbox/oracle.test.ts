// The sandbox behaves as real ECE does where Elastic's clients show it
// (issue 12): index semantics, the installation's shape, plans and their
// rules, validation.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read nested response bodies
type Json = Record<string, any>;

describe('the sandbox as ECE', () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ fakeClock: true, planDurationMs: 10_000, deployments: 7 });
    for (const name of ['Prod-Logs EU', 'prod logs archive'])
      await t.call('POST', '/deployments', { body: createRequest(name) });
    t.advance(11_000);
  });
  after(() => t.close());

  const names = async (body: unknown, path = '/deployments/_search') => {
    const r = await t.call('POST', path, { body });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return ((r.body as Json).deployments as Json[]).map((d) => d.name).sort();
  };
  const term = (field: string, value: unknown) => ({ query: { term: { [field]: { value } } } });
  const nested = (path: string, query: Json) => ({ query: { nested: { path, query } } });

  it('name is analysed: a term finds tokens, not names; name.keyword is exact', async () => {
    assert.deepEqual(await names(term('name', 'prod-logs')), []);
    assert.deepEqual(await names(term('name.keyword', 'prod-logs')), ['prod-logs']);
    assert.deepEqual(await names(term('name.keyword', 'Prod-Logs EU')), ['Prod-Logs EU']);
    assert.deepEqual(await names(term('name.keyword', 'prod-logs eu')), []);
    assert.deepEqual(await names(term('name', 'prod')), [
      'Prod-Logs EU',
      'app-search-prod',
      'prod logs archive',
      'prod-logs',
    ]);
    assert.deepEqual(await names(term('name', 'Prod')), [], 'a term is not lower-cased');
    assert.deepEqual(
      await names({ query: { match: { name: { query: 'LOGS archive', operator: 'and' } } } }),
      ['prod logs archive'],
    );
    assert.deepEqual(await names({ query: { prefix: { 'name.keyword': { value: 'prod-' } } } }), [
      'prod-logs',
    ]);
  });

  it('resources and tags are nested: a plain term on them matches nothing', async () => {
    const region = 'resources.elasticsearch.region';
    assert.deepEqual(await names(term(region, 'ece-region')), []);
    assert.equal(
      (await names(nested('resources.elasticsearch', term(region, 'ece-region').query))).length,
      12,
    );
    const apm = nested('resources.apm', term('resources.apm.info.status', 'started').query);
    assert.deepEqual(await names(apm), ['prod-logs']);
    assert.deepEqual(await names(term('metadata.tags.key', 'team')), []);
    const tag = nested('metadata.tags', {
      bool: {
        filter: [
          { term: { 'metadata.tags.key': { value: 'team' } } },
          { term: { 'metadata.tags.value': { value: 'search' } } },
        ],
      },
    });
    assert.deepEqual(await names(tag), ['Prod-Logs EU', 'prod logs archive']);
  });

  it('query_string, from, ECE default sort and minimal_metadata', async () => {
    assert.deepEqual(
      await names({ query: { query_string: { query: 'name:archive OR metrics' } } }),
      ['audit-archive', 'logging-and-metrics', 'metrics', 'prod logs archive'],
    );
    assert.deepEqual(
      await names({ query: { query_string: { query: 'prod* -name.keyword:prod-logs' } } }),
      ['Prod-Logs EU', 'app-search-prod', 'prod logs archive'],
    );
    // Default sort: last modified first.
    const all = (await t.call('POST', '/deployments/_search', { body: {} })).body as Json;
    assert.equal(all.match_count, 12);
    assert.deepEqual(
      all.deployments.slice(0, 2).map((d: Json) => d.name),
      ['prod logs archive', 'Prod-Logs EU'],
    );
    const page = (
      await t.call('POST', '/deployments/_search', {
        body: { from: 2, size: 3, sort: [{ 'name.keyword': 'asc' }] },
      })
    ).body as Json;
    assert.deepEqual(
      page.deployments.map((d: Json) => d.name),
      // Keyword order is byte order: 'Prod-Logs EU' sorts first.
      ['apm-traces', 'app-search-prod', 'audit-archive'],
    );
    const minimal = (
      await t.call('POST', '/deployments/_search?minimal_metadata=id,name', {
        body: term('name.keyword', 'metrics'),
      })
    ).body as Json;
    assert.deepEqual(minimal.deployments, []);
    assert.deepEqual(Object.keys(minimal.minimal_metadata[0]), ['id', 'name']);
    const sortByName = await t.call('POST', '/deployments/_search', {
      body: { sort: [{ name: 'asc' }] },
    });
    assert.equal(sortByName.status, 400);
  });

  it('seeds the three system deployments, system_owned', async () => {
    const list = (await t.call('GET', '/deployments')).body as Json;
    const first = list.deployments.slice(0, 3) as Json[];
    assert.deepEqual(
      first.map((d) => d.name),
      ['admin-console-elasticsearch', 'logging-and-metrics', 'security-cluster'],
    );
    for (const d of first) {
      const body = (await t.call('GET', `/deployments/${d.id}`)).body as Json;
      assert.equal(body.metadata.system_owned, true);
    }
    const user = (await t.call('GET', `/deployments/${list.deployments[3].id}`)).body as Json;
    assert.equal(user.metadata.system_owned, false);
  });

  it('the printed key is a non-built-in admin; `auth keys create` as admin is refused (exit 5)', async () => {
    const me = (await t.call('GET', '/user')).body as Json;
    assert.deepEqual(
      [me.user_name, me.builtin, me.security.roles],
      ['sandbox-admin', false, ['ece_platform_admin']],
    );
    const basic = `Basic ${Buffer.from(`admin:${t.sb.password}`).toString('base64')}`;
    const r = await t.call('POST', '/users/auth/keys', { body: { description: 'x' }, auth: basic });
    assert.equal(r.status, 400);
    assert.equal(r.headers.get('x-cloud-error-codes'), 'api_keys.invalid_input');
    const login = (
      await t.call('POST', '/users/auth/_login', {
        body: { username: 'admin', password: t.sb.password },
        auth: null,
      })
    ).body as Json;
    const cli = await run(['auth', 'keys', 'create', '--description', 'ci'], {
      env: { ECE_HOST: t.sb.url, ECE_TOKEN: login.token },
    });
    assert.equal(cli.code, 5);
    assert.match(cli.stderr, /API keys cannot be created for the built-in user \[admin\]/);
    assert.equal(cli.stderr.split('\n').length, 2, cli.stderr);
  });

  it('request_id is 32 to 128 characters', async () => {
    for (const [length, status] of [
      [31, 400],
      [32, 201],
      [128, 201],
      [129, 400],
    ] as const) {
      const r = await t.call('POST', `/deployments?request_id=${'r'.repeat(length)}`, {
        body: createRequest(`rid-${length}`),
      });
      assert.equal(r.status, status, `${length}: ${JSON.stringify(r.body)}`);
    }
  });

  it('sends x-cloud-resource-version, -created and -last-modified', async () => {
    const list = (await t.call('GET', '/deployments')).body as Json;
    const r = await t.call('GET', `/deployments/${list.deployments[3].id}`);
    assert.match(r.headers.get('x-cloud-resource-version') ?? '', /^\d+$/);
    assert.match(r.headers.get('x-cloud-resource-created') ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.match(r.headers.get('x-cloud-resource-last-modified') ?? '', /^\d{4}-\d\d-\d\dT/);
  });
});

describe('plans as ECE runs them', () => {
  const setup = async () => {
    const t = await testSandbox({ fakeClock: true, planDurationMs: 10_000, deployments: 0 });
    const { id } = (await t.call('POST', '/deployments', { body: createRequest('orders') }))
      .body as Json;
    t.advance(11_000);
    const get = async (q = '') => (await t.call('GET', `/deployments/${id}${q}`)).body as Json;
    return { t, id, get };
  };

  it('_restart during a pending plan is 422 unless cancel_pending; a stopped resource starts', async () => {
    const { t, id, get } = await setup();
    try {
      const kb = `/deployments/${id}/kibana/_main/_restart`;
      assert.equal((await t.call('POST', kb)).status, 202);
      const busy = await t.call('POST', kb);
      assert.equal(busy.status, 422);
      assert.equal(
        (busy.body as Json).errors[0].code,
        'deployments.deployment_resource_plan_change_error',
      );
      assert.equal((await t.call('POST', `${kb}?cancel_pending=true`)).status, 202);
      t.advance(11_000);
      assert.equal((await get()).resources.kibana[0].info.status, 'started');
      await t.call('POST', `/deployments/${id}/_shutdown`);
      t.advance(11_000);
      assert.equal((await get()).resources.kibana[0].info.status, 'stopped');
      assert.equal((await t.call('POST', kb)).status, 202);
      assert.equal((await get()).resources.kibana[0].info.status, 'reconfiguring');
      t.advance(11_000);
      const d = await get();
      assert.equal(d.resources.kibana[0].info.status, 'started');
      assert.equal(d.resources.kibana[0].info.topology.instances.length, 1);
    } finally {
      await t.close();
    }
  });

  it('an update starts no plan for a resource whose plan is unchanged', async () => {
    const { t, id, get } = await setup();
    try {
      const request = createRequest('orders') as { resources: Json };
      const changed = JSON.parse(
        JSON.stringify(request.resources.kibana).replace('"value":1024', '"value":2048'),
      );
      const put = await t.call('PUT', `/deployments/${id}`, {
        body: {
          prune_orphans: false,
          resources: { elasticsearch: request.resources.elasticsearch, kibana: changed },
        },
      });
      assert.equal(put.status, 200);
      const d = await get();
      assert.equal(d.resources.elasticsearch[0].info.plan_info.pending, undefined);
      assert.equal(d.resources.kibana[0].info.status, 'reconfiguring');
    } finally {
      await t.close();
    }
  });

  it('health comes from every part: stopped instances make the deployment unhealthy', async () => {
    const { t, id, get } = await setup();
    try {
      assert.equal((await get()).healthy, true);
      await t.call('POST', `/deployments/${id}/elasticsearch/_main/instances/_stop`);
      const d = await get();
      const es = d.resources.elasticsearch[0].info;
      assert.deepEqual(
        [
          d.healthy,
          es.healthy,
          es.plan_info.healthy,
          es.topology.healthy,
          es.elasticsearch.healthy,
        ],
        [false, false, true, false, false],
      );
    } finally {
      await t.close();
    }
  });

  it('plans are validated: region, version, instance configuration, size, node_roles', async () => {
    const t = await testSandbox({ deployments: 0 });
    try {
      const cases: [string, (s: string) => string][] = [
        ['deployments.region_not_found', (s) => s.replaceAll('"ece-region"', '"mars"')],
        ['deployments.stack_version_not_found', (s) => s.replaceAll('8.15.1', '8.99.0')],
        [
          'deployments.instance_configuration_not_found',
          (s) => s.replace('"data.default"', '"gpu.huge"'),
        ],
        ['deployments.invalid_topology_size', (s) => s.replace('"value":2048', '"value":3000')],
        [
          'deployments.node_roles_and_node_type',
          (s) =>
            s.replace('"zone_count":1,', '"zone_count":1,"node_roles":["master"],"node_type":{},'),
        ],
      ];
      const ok = await t.call('POST', '/deployments?validate_only=true', {
        body: createRequest('fine'),
      });
      assert.equal(ok.status, 200);
      for (const [code, edit] of cases) {
        const body = JSON.parse(edit(JSON.stringify(createRequest('bad'))));
        const r = await t.call('POST', '/deployments', { body });
        assert.equal(r.status, 400, code);
        assert.equal((r.body as Json).errors[0].code, code);
      }
    } finally {
      await t.close();
    }
  });
});
