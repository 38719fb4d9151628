// `ece allocators vacate` against a per-test server: the exact requests — a
// validate_only pass, then one move per resource with ECE's calculated plan
// as the override and --target as its preferred allocators; allocator_down
// from the allocator's health; --dry-run shows the moves as curl.

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

describe('allocators vacate against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  const ALLOC = {
    allocator_id: '10.0.0.1',
    zone_id: 'z1',
    host_ip: '10.0.0.1',
    public_hostname: 'a1',
    capacity: { memory: { total: 8192, used: 2048 } },
    status: { connected: false, healthy: false, maintenance_mode: true },
    instances: [
      {
        cluster_id: 'es1',
        cluster_type: 'elasticsearch',
        cluster_name: 'web',
        instance_name: 'instance-0000000000',
        node_memory: 1024,
        deployment_id: 'd'.repeat(32),
      },
      {
        cluster_id: 'kb1',
        cluster_type: 'kibana',
        cluster_name: 'web',
        instance_name: 'instance-0000000000',
        node_memory: 1024,
        deployment_id: 'd'.repeat(32),
      },
    ],
  };
  const plan = (kind: string) => ({
    plan_configuration: {
      move_allocators: [{ from: '10.0.0.1', allocator_down: true }],
      ...(kind === 'elasticsearch' ? { move_only: true } : {}),
    },
  });

  it('sends a validate_only pass, then one move per resource with the calculated plan and the targets', async () => {
    const base = '/api/v1/platform/infrastructure/allocators/10.0.0.1/clusters';
    const none = {
      elasticsearch_clusters: [],
      kibana_clusters: [],
      apm_clusters: [],
      appsearch_clusters: [],
      enterprise_search_clusters: [],
    };
    const s = await serve(
      {
        'GET /platform/infrastructure/allocators/10.0.0.1': [200, ALLOC],
        'GET /platform/infrastructure/allocators/10.0.0.2': [
          200,
          { ...ALLOC, allocator_id: '10.0.0.2' },
        ],
        'GET /platform/infrastructure/allocators/10.0.0.9': (_q, res) =>
          eceError(
            res,
            404,
            'allocators.allocator_not_found',
            'Allocator [10.0.0.9] cannot be found',
          ),
        'POST /platform/infrastructure/allocators/10.0.0.1/clusters/_move': [
          202,
          {
            moves: {
              ...none,
              elasticsearch_clusters: [
                { cluster_id: 'es1', calculated_plan: plan('elasticsearch') },
              ],
              kibana_clusters: [{ cluster_id: 'kb1', calculated_plan: plan('kibana') }],
            },
            failures: none,
          },
        ],
        'POST /platform/infrastructure/allocators/10.0.0.1/clusters/elasticsearch/_move': [
          202,
          { moves: none, failures: none },
        ],
        'POST /platform/infrastructure/allocators/10.0.0.1/clusters/kibana/_move': [
          202,
          { moves: none, failures: none },
        ],
      },
      [
        {
          method: 'POST',
          path: `${base}/_move?validate_only=true&allocator_down=true`,
          body: {
            elasticsearch_clusters: [{ cluster_ids: ['es1'] }],
            kibana_clusters: [{ cluster_ids: ['kb1'] }],
          },
        },
        {
          method: 'POST',
          path: `${base}/elasticsearch/_move?allocator_down=true`,
          body: {
            elasticsearch_clusters: [
              {
                cluster_ids: ['es1'],
                plan_override: {
                  plan_configuration: {
                    ...plan('elasticsearch').plan_configuration,
                    preferred_allocators: ['10.0.0.2'],
                  },
                },
              },
            ],
          },
        },
        {
          method: 'POST',
          path: `${base}/kibana/_move?allocator_down=true`,
          body: {
            kibana_clusters: [
              {
                cluster_ids: ['kb1'],
                plan_override: {
                  plan_configuration: {
                    ...plan('kibana').plan_configuration,
                    preferred_allocators: ['10.0.0.2'],
                  },
                },
              },
            ],
          },
        },
      ],
    );
    const env = envFor(s);
    const r = await run(
      ['allocators', 'vacate', '10.0.0.1', '--target', '10.0.0.2', '--concurrency', '1', '--yes'],
      { env },
    );
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        '',
        'Allocator 10.0.0.1 is disconnected: its instances are treated as down.\n' +
          'Moving elasticsearch es1 of web off 10.0.0.1.\n' +
          'Moving kibana kb1 of web off 10.0.0.1.\n' +
          'Started 2 moves off 10.0.0.1; follow them with `ece allocators show 10.0.0.1` or use --wait.\n',
      ],
    );
    const dry = await run(['allocators', 'vacate', '10.0.0.1', '--kind', 'kibana', '--dry-run'], {
      env,
    });
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(
      ua(dry.stdout),
      curl('POST', `'${s.url}${base}/kibana/_move?allocator_down=true'`, {
        kibana_clusters: [{ cluster_ids: ['kb1'], plan_override: plan('kibana') }],
      }),
    );
    const bad = await run(['allocators', 'vacate', '10.0.0.1', '--target', '10.0.0.9', '--yes'], {
      env,
    });
    assert.deepEqual(
      [bad.code, bad.stderr],
      [3, 'error: Allocator [10.0.0.9] cannot be found (allocators.allocator_not_found)\n'],
    );
  });
});
