// `ece proxies list|show` and `ece constructors list|show|maintenance`:
// exact requests, output and exit codes against a per-test server, then
// against the sandbox.

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const PROXY = {
  proxy_id: '10.0.0.5',
  runner_id: '10.0.0.5',
  host_ip: '10.0.0.5',
  public_hostname: 'proxy-1.example.com',
  zone: 'zone-a',
  healthy: false,
  metadata: {},
  allocations: [
    { allocations_type: 'elasticsearch', counts: { allocations: 4, connectors: 4 } },
    { allocations_type: 'kibana', counts: { allocations: 0, connectors: 0 } },
  ],
};
const CONSTRUCTOR = {
  constructor_id: '10.0.0.7',
  status: { connected: true, maintenance_mode: false },
};
const MAINT = '/api/v1/platform/infrastructure/constructors/10.0.0.7/maintenance-mode';

describe('proxies and constructors against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('proxies list and show; a table on a terminal', async () => {
    const s = await serve({
      'GET /platform/infrastructure/proxies': [
        200,
        { proxies_count: 1, proxies: [PROXY], settings: {} },
      ],
      'GET /platform/infrastructure/proxies/10.0.0.5': [200, PROXY],
      'GET /platform/infrastructure/proxies/10.0.0.9': (_q, res) =>
        eceError(res, 404, 'proxies.proxy_not_found', 'Proxy [10.0.0.9] cannot be found'),
    });
    const env = envFor(s);
    const list = await run(['proxies', 'list'], { env });
    assert.deepEqual(
      [list.code, list.stdout],
      [0, '10.0.0.5\tproxy-1.example.com\t10.0.0.5\tzone-a\tno\telasticsearch=4\n'],
    );
    const tty = await run(['proxies', 'list', '--no-color'], { env, tty: true, columns: 120 });
    assert.equal(
      tty.stdout,
      [
        'ID        HOST                 IP        ZONE    HEALTHY  ROUTES',
        '10.0.0.5  proxy-1.example.com  10.0.0.5  zone-a  no       elasticsearch=4',
        '',
      ].join('\n'),
    );
    const show = await run(['proxy', 'show', '10.0.0.5'], { env });
    assert.equal(
      show.stdout,
      'id\t10.0.0.5\nhost\tproxy-1.example.com\nip\t10.0.0.5\nzone\tzone-a\nhealthy\tno\nroutes\telasticsearch=4\n',
    );
    const missing = await run(['proxies', 'show', '10.0.0.9'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: Proxy [10.0.0.9] cannot be found (proxies.proxy_not_found)\n'],
    );
  });

  it('constructors list, show; maintenance on asks, off does not; --dry-run', async () => {
    const s = await serve(
      {
        'GET /platform/infrastructure/constructors': [200, { constructors: [CONSTRUCTOR] }],
        'GET /platform/infrastructure/constructors/10.0.0.7': [200, CONSTRUCTOR],
        'POST /platform/infrastructure/constructors/10.0.0.7/maintenance-mode/_start': [202, {}],
        'POST /platform/infrastructure/constructors/10.0.0.7/maintenance-mode/_stop': [202, {}],
      },
      [
        { method: 'POST', path: `${MAINT}/_start` },
        { method: 'POST', path: `${MAINT}/_stop` },
      ],
    );
    const env = envFor(s);
    const list = await run(['constructors', 'list'], { env });
    assert.deepEqual([list.code, list.stdout], [0, '10.0.0.7\tyes\tno\n']);
    const show = await run(['constructors', 'show', '10.0.0.7'], { env });
    assert.equal(show.stdout, 'id\t10.0.0.7\nconnected\tyes\nmaintenance\tno\n');
    const noTty = await run(['constructors', 'maintenance', '10.0.0.7', 'on'], { env });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    const dry = await run(['constructors', 'maintenance', '10.0.0.7', 'on', '--dry-run'], { env });
    assert.deepEqual([dry.code, ua(dry.stdout)], [0, curl('POST', `${s.url}${MAINT}/_start`)]);
    assert.equal(s.requests.filter((q) => q.method === 'POST').length, 0);
    const on = await run(['constructors', 'maintenance', '10.0.0.7', 'on', '--yes'], { env });
    assert.deepEqual([on.code, on.stderr], [0, 'Maintenance mode on for constructor 10.0.0.7.\n']);
    const off = await run(['constructors', 'maintenance', '10.0.0.7', 'off'], { env });
    assert.deepEqual(
      [off.code, off.stderr],
      [0, 'Maintenance mode off for constructor 10.0.0.7.\n'],
    );
    const bad = await run(['constructors', 'maintenance', '10.0.0.7', 'maybe'], { env });
    assert.deepEqual([bad.code, bad.stderr], [2, 'error: invalid state "maybe": use on or off\n']);
  });
});

describe('proxies and constructors against the sandbox', () => {
  const t = useSandbox({ deployments: 1 });
  const env = t.env;

  it('a proxy per host, as /platform counts them; one constructor in and out of maintenance', async () => {
    const proxies = await run(
      ['proxies', 'list', '--query', 'proxies[].[proxy_id, zone, healthy]'],
      {
        env,
      },
    );
    assert.equal(
      proxies.stdout,
      '192.168.44.10\tece-zone-1\ttrue\n192.168.44.11\tece-zone-2\ttrue\n192.168.44.12\tece-zone-3\ttrue\n',
    );
    const platform = await run(
      ['platform', 'info', '--query', 'regions[0].proxies.proxies_count'],
      {
        env,
      },
    );
    assert.equal(platform.stdout, '3\n');
    const on = await run(['constructors', 'maintenance', '192.168.44.10', 'on', '--yes'], { env });
    assert.equal(on.code, 0);
    const list = await run(['constructors', 'list'], { env });
    assert.equal(list.stdout, '192.168.44.10\tyes\tyes\n');
    const off = await run(['constructors', 'maintenance', '192.168.44.10', 'off'], { env });
    assert.equal(off.code, 0);
    const show = await run(
      ['constructors', 'show', '192.168.44.10', '--query', 'status.maintenance_mode'],
      {
        env,
      },
    );
    assert.equal(show.stdout, 'false\n');
    const missing = await run(['constructors', 'maintenance', '10.9.9.9', 'off'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: Constructor [10.9.9.9] cannot be found (constructors.constructor_not_found)\n'],
    );
  });
});
