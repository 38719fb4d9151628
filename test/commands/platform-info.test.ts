// `ece platform info`: on a terminal one health screen (GET /platform plus
// one search for the system deployments); piped a row per region; --json the
// body of GET /platform.

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError } from '../helpers/server.js';
import { API_KEY, closeAll, envFor, serve } from './platform-admin-helpers.js';

const PLATFORM = {
  version: '3.7.2',
  regions: [
    {
      region_id: 'us-east',
      allocators: {
        healthy: true,
        zone_summaries: [
          {
            zone_id: 'a',
            total_allocators: 2,
            healthy_allocators: 2,
            in_maintenance_allocators: 1,
          },
          {
            zone_id: 'b',
            total_allocators: 2,
            healthy_allocators: 1,
            in_maintenance_allocators: 0,
          },
        ],
      },
      proxies: { healthy: false, proxies_count: 1, expected_proxies_count: 2 },
      constructors: {
        constructors: [
          { constructor_id: 'c1', status: { connected: true, maintenance_mode: true } },
        ],
      },
      runners: { healthy: true, total_runners: 4, healthy_runners: 4, connected_runners: 4 },
    },
  ],
};
const SEARCH = {
  return_count: 2,
  match_count: 2,
  deployments: [
    {
      id: 'a1',
      name: 'admin-console-elasticsearch',
      healthy: true,
      resources: { elasticsearch: [{ info: { status: 'started' } }] },
      metadata: { system_owned: true },
    },
    {
      id: 'b2',
      name: 'logging-and-metrics',
      healthy: false,
      resources: {
        elasticsearch: [{ info: { status: 'started' } }],
        kibana: [{ info: { status: 'reconfiguring' } }],
      },
      metadata: { system_owned: true },
    },
  ],
};
const QUERY = { query: { term: { 'metadata.system_owned': { value: 'true' } } }, size: 100 };

describe('platform info against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('a terminal gets one health screen, and a note of what is not healthy', async () => {
    const s = await serve(
      { 'GET /platform': [200, PLATFORM], 'POST /deployments/_search': [200, SEARCH] },
      [{ method: 'POST', path: '/api/v1/deployments/_search', body: QUERY }],
    );
    const r = await run(['platform', 'info', '--no-color'], {
      env: envFor(s),
      tty: true,
      columns: 100,
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        [
          'COMPONENT                               HEALTHY  DETAIL',
          'ece                                     -        version 3.7.2',
          'region                                  no       us-east, 2 zones',
          'allocators                              yes      3 of 4 healthy, 1 in maintenance',
          'proxies                                 no       1 of 2 expected running',
          'constructors                            no       1 of 1 connected, 1 in maintenance',
          'runners                                 yes      4 of 4 healthy, 4 of 4 connected',
          'deployment admin-console-elasticsearch  yes      started',
          'deployment logging-and-metrics          no       started, reconfiguring',
          '',
        ].join('\n'),
        'Not healthy: region, proxies, constructors, deployment logging-and-metrics.\n',
      ],
    );
  });

  it('piped: a row per region and no search; --json: the body of GET /platform', async () => {
    const s = await serve({ 'GET /platform': [200, PLATFORM] });
    const r = await run(['platform', 'info'], { env: envFor(s) });
    assert.deepEqual([r.code, r.stdout], [0, '3.7.2\tus-east\ta,b\t3\t4\t1\tno\n']);
    const j = await run(['platform', 'info', '--json'], { env: envFor(s), tty: true });
    assert.equal(j.stdout, `${JSON.stringify(PLATFORM)}\n`);
    assert.deepEqual(
      s.requests.map((q) => `${q.method} ${q.url}`),
      ['GET /api/v1/platform', 'GET /api/v1/platform'],
    );
  });

  it('a failed search still shows the platform, and says so', async () => {
    const s = await serve({
      'GET /platform': [200, PLATFORM],
      'POST /deployments/_search': (_q, res) =>
        eceError(res, 403, 'root.unauthorized', 'The user is not authorized'),
    });
    const r = await run(['platform', 'info', '--no-color'], { env: envFor(s), tty: true });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /\nsystem deployments +- +unknown: the search failed\n$/);
    assert.match(
      r.stderr,
      /^warning: cannot read the system deployments \(The user is not authorized/,
    );
  });
});

describe('platform info against the sandbox', () => {
  const t = useSandbox({ deployments: 1 });
  const env = t.env;

  it('answers "is my installation healthy" on one screen', async () => {
    const r = await run(['platform', 'info', '--no-color'], { env, tty: true, columns: 100 });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        [
          'COMPONENT                               HEALTHY  DETAIL',
          'ece                                     -        version 3.8.0',
          'region                                  yes      ece-region, 3 zones',
          'allocators                              yes      3 of 3 healthy, 0 in maintenance',
          'proxies                                 yes      3 of 3 expected running',
          'constructors                            yes      1 of 1 connected, 0 in maintenance',
          'runners                                 yes      3 of 3 healthy, 3 of 3 connected',
          'deployment admin-console-elasticsearch  yes      started',
          'deployment logging-and-metrics          yes      started',
          'deployment security-cluster             yes      started',
          '',
        ].join('\n'),
        '',
      ],
    );
  });
});
