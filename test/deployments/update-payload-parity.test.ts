// The update payload as ecctl's --generate-update-payload makes it
// (cloud-sdk-go's NewUpdateRequest): per resource display_name, settings
// without metadata, zero-size topology of the stateless kinds dropped, no
// nulls, resources without a current plan left out. Checked on the three
// recorded real deployments (../shared/ece-real/, the SDK's *_get.json) and on
// documents written here in the shapes of the SDK's other three fixtures
// (Integrations Server, legacy Kibana sizes, observability settings).

import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Deployment } from '../../src/api/deployments.js';
import { updatePayload, withoutPlan } from '../../src/commands/deployments/payload.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { startServer } from '../helpers/server.js';
import { specPath } from '../helpers/spec.js';

const REAL = new URL('../ece-real/', pathToFileURL(specPath()));
const real = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(name, REAL)), 'utf8')) as Deployment;

/** Each resource's fields in the payload, and its topology sizes (memory, or memory per node). */
function shape(d: Deployment) {
  const p = updatePayload(d) as unknown as {
    resources: Record<string, Record<string, unknown>[]>;
    settings?: unknown;
  };
  const text = JSON.stringify(p);
  assert.ok(!text.includes('null'), 'no nulls');
  assert.ok(!text.includes('"transient"'), 'no transient');
  assert.ok(!text.includes('"metadata"'), 'no settings metadata');
  return {
    keys: Object.keys(p).sort(),
    resources: Object.fromEntries(
      Object.entries(p.resources).map(([kind, list]) => [
        kind,
        list.map((r) => ({
          fields: Object.keys(r).sort(),
          display_name: r.display_name,
          es: r.elasticsearch_cluster_ref_id,
          sizes: (
            (r.plan as { cluster_topology?: Record<string, unknown>[] }).cluster_topology ?? []
          ).map(
            (t) =>
              (t.size as { value?: number } | undefined)?.value ?? `per-node ${t.memory_per_node}`,
          ),
        })),
      ]),
    ),
    settings: p.settings,
  };
}

const ES_FIELDS = ['display_name', 'plan', 'ref_id', 'region', 'settings'];
const STATELESS_FIELDS = [
  'display_name',
  'elasticsearch_cluster_ref_id',
  'plan',
  'ref_id',
  'region',
  'settings',
];

describe('the update payload matches what ecctl generates', () => {
  it('a recorded deployment with APM: every element of Elasticsearch, the sized ones of the others', () => {
    assert.deepEqual(shape(real('deployment-apm.json')), {
      keys: ['name', 'prune_orphans', 'resources'],
      resources: {
        elasticsearch: [
          {
            fields: ES_FIELDS,
            display_name: 'marc-testing',
            es: undefined,
            sizes: [1024, 0, 0, 0],
          },
        ],
        kibana: [
          {
            fields: STATELESS_FIELDS,
            display_name: 'marc-testing',
            es: 'main-elasticsearch',
            sizes: [1024],
          },
        ],
        apm: [
          {
            fields: STATELESS_FIELDS,
            display_name: 'marc-testing',
            es: 'main-elasticsearch',
            sizes: [512],
          },
        ],
      },
      settings: undefined,
    });
  });

  it('recorded deployments with App Search and Enterprise Search', () => {
    const app = shape(real('deployment-appsearch.json'));
    assert.deepEqual(app.resources.appsearch, [
      {
        fields: STATELESS_FIELDS,
        display_name: 'marc-appsearch-generate-payload',
        es: 'main-elasticsearch',
        sizes: [2048],
      },
    ]);
    assert.deepEqual(app.resources.elasticsearch?.[0]?.sizes, [1024, 0]);
    const ent = shape(real('deployment-enterprise-search.json'));
    assert.deepEqual(ent.resources.enterprise_search, [
      {
        fields: STATELESS_FIELDS,
        display_name: 'marc-test-es-generate-payload',
        es: 'main-elasticsearch',
        sizes: [2048],
      },
    ]);
  });

  const resource = (kind: string, topology: unknown[], extra: Record<string, unknown> = {}) => ({
    ref_id: `main-${kind}`,
    id: `${kind}-id`,
    region: 'ece-region',
    ...(kind === 'elasticsearch' ? {} : { elasticsearch_cluster_ref_id: 'main-elasticsearch' }),
    info: {
      healthy: true,
      status: 'started',
      ...(kind === 'elasticsearch' || kind === 'kibana'
        ? { cluster_name: 'my-deployment' }
        : { name: 'my-deployment' }),
      settings: { metadata: { name: 'my-deployment', owner_id: 'x' } },
      plan_info: {
        healthy: true,
        history: [],
        current: {
          plan: {
            cluster_topology: topology,
            [kind]: { version: '8.15.1', user_settings_yaml: null },
            transient: { strategy: { autodetect: {} } },
          },
        },
      },
      ...extra,
    },
  });
  const size = (value: number) => ({
    instance_configuration_id: 'x',
    zone_count: 1,
    size: { resource: 'memory', value },
  });

  it('Integrations Server: its zero-size elements dropped; nulls left out at every depth', () => {
    const d = {
      id: 'a'.repeat(32),
      name: 'my-deployment',
      healthy: true,
      resources: {
        elasticsearch: [resource('elasticsearch', [size(4096), size(0)])],
        integrations_server: [resource('integrations_server', [size(0), size(1024)])],
      },
    } as unknown as Deployment;
    const s = shape(d);
    assert.deepEqual(s.resources.integrations_server, [
      {
        fields: STATELESS_FIELDS,
        display_name: 'my-deployment',
        es: 'main-elasticsearch',
        sizes: [1024],
      },
    ]);
    assert.deepEqual(s.resources.elasticsearch?.[0]?.sizes, [4096, 0]);
  });

  it('legacy Kibana sizes (memory_per_node, no size) are kept', () => {
    const d = {
      id: 'a'.repeat(32),
      name: 'my-deployment',
      healthy: true,
      resources: {
        elasticsearch: [resource('elasticsearch', [size(4096)])],
        kibana: [
          resource('kibana', [
            { instance_configuration_id: 'kibana', zone_count: 1, memory_per_node: 1024 },
            { instance_configuration_id: 'kibana', zone_count: 1, memory_per_node: 0 },
          ]),
        ],
      },
    } as unknown as Deployment;
    assert.deepEqual(shape(d).resources.kibana?.[0]?.sizes, ['per-node 1024']);
  });

  it('observability settings are carried; other deployment settings are not', () => {
    const observability = {
      logging: { destination: { deployment_id: 'b'.repeat(32), ref_id: 'main-elasticsearch' } },
      metrics: { destination: { deployment_id: 'b'.repeat(32), ref_id: 'main-elasticsearch' } },
    };
    const d = {
      id: 'a'.repeat(32),
      name: 'my-deployment',
      healthy: true,
      settings: { observability, traffic_filter_settings: { rulesets: ['r'] } },
      resources: { elasticsearch: [resource('elasticsearch', [size(4096)])] },
    } as unknown as Deployment;
    const s = shape(d);
    assert.deepEqual(s.keys, ['name', 'prune_orphans', 'resources', 'settings']);
    assert.deepEqual(s.settings, { observability });
  });

  it('a resource without a current plan is left out and named; a stateless one never gets an empty Elasticsearch ref', () => {
    const failed = resource('apm', []);
    (failed.info.plan_info as { current?: unknown }).current = undefined;
    const noEs = resource('elasticsearch', []);
    (noEs.info.plan_info as { current?: unknown }).current = undefined;
    const d = {
      id: 'a'.repeat(32),
      name: 'my-deployment',
      healthy: false,
      resources: {
        elasticsearch: [noEs],
        kibana: [resource('kibana', [size(1024)])],
        apm: [failed],
      },
    } as unknown as Deployment;
    assert.deepEqual(withoutPlan(d), ['elasticsearch main-elasticsearch', 'apm main-apm']);
    const s = shape(d);
    assert.deepEqual(Object.keys(s.resources), ['kibana']);
    assert.equal(s.resources.kibana?.[0]?.es, 'main-elasticsearch');
  });

  it('show --update-payload of a deployment whose APM never started: the rest, and a note naming it', async () => {
    const d = real('deployment-apm.json') as unknown as {
      id: string;
      resources: { apm: { info: { plan_info: { current?: unknown } } }[] };
    };
    const apm = d.resources.apm[0];
    if (apm) apm.info.plan_info.current = undefined;
    const server = await startServer((_q, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-cloud-resource-version', '7');
      res.end(JSON.stringify(d));
    });
    try {
      const env = { ECE_HOST: server.url, ECE_API_KEY: 'payload-test-key' };
      const r = await run(['deployments', 'show', d.id, '--update-payload'], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(Object.keys(JSON.parse(r.stdout).resources), ['elasticsearch', 'kibana']);
      assert.equal(
        r.stderr,
        `note: apm main-apm has no current plan and is left out of the update (kept as it is: prune_orphans is false)\n# update with: ece deployments update ${d.id} -f <file> --if-version 7\n`,
      );
    } finally {
      await server.close();
    }
  });
});
