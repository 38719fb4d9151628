// `ece allocators delete|search|metadata` and `list --filter`: exact requests,
// output and exit codes against a per-test server, then end to end against
// the sandbox (delete refused while instances remain, allowed once vacated).

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const BASE = '/platform/infrastructure/allocators';
const alloc = (id: string, zone: string, used: number, maintenance = false) => ({
  allocator_id: id,
  zone_id: zone,
  host_ip: id,
  public_hostname: `h-${id}`,
  capacity: { memory: { total: 16384, used } },
  status: { connected: true, healthy: true, maintenance_mode: maintenance },
  instances: [],
});
const OVERVIEW = {
  zones: [
    {
      zone_id: 'z1',
      allocators: [alloc('10.0.0.1', 'z1', 16384), alloc('10.0.0.2', 'z1', 0, true)],
    },
    { zone_id: 'z2', allocators: [alloc('10.0.0.3', 'z2', 4096)] },
  ],
};
const row = (id: string, zone: string, used: number, maint: string) =>
  `${id}\t${zone}\th-${id}\t${used}\t16384\t0\tyes\t${maint}\n`;

describe('allocators admin verbs against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('list --filter: zone, maintenance and memory; --json keeps only what matched', async () => {
    const s = await serve({ [`GET ${BASE}`]: [200, OVERVIEW] });
    const env = envFor(s);
    const z1 = await run(
      ['allocators', 'list', '--filter', 'zone=z1', '--filter', 'maintenance=false'],
      { env },
    );
    assert.deepEqual([z1.code, z1.stdout, z1.stderr], [0, row('10.0.0.1', 'z1', 16384, 'no'), '']);
    const free = await run(['allocators', 'list', '--filter', 'free>=8g'], { env });
    assert.equal(free.stdout, row('10.0.0.2', 'z1', 0, 'yes') + row('10.0.0.3', 'z2', 4096, 'no'));
    const range = await run(['allocators', 'list', '--filter', 'used=1..8192', '--json'], { env });
    assert.deepEqual(JSON.parse(range.stdout), {
      zones: [{ zone_id: 'z2', allocators: [alloc('10.0.0.3', 'z2', 4096)] }],
    });
    const none = await run(['allocators', 'list', '--filter', 'zone!=z1,z2', '--json'], { env });
    assert.deepEqual([none.code, none.stdout], [0, '{"zones":[]}\n']);
    for (const [f, msg] of [
      [
        'rack=r1',
        'unknown key "rack" (keys: zone, maintenance, healthy, connected, capacity, free, used)',
      ],
      ['maintenance=yes', 'maintenance is =true or =false'],
      ['free>=lots', 'memory is in MB (8192) or with a unit (8g, 512m); a range is N..M'],
      ['zone>z1', 'zone takes = or !='],
    ]) {
      const bad = await run(['allocators', 'list', '--filter', f as string], { env });
      assert.deepEqual([bad.code, bad.stderr], [2, `error: invalid --filter "${f}": ${msg}\n`]);
    }
  });

  it('search: the short syntax becomes Query DSL; memory terms are kept by ece', async () => {
    const s = await serve({ [`POST ${BASE}/_search`]: [200, OVERVIEW] }, [
      {
        method: 'POST',
        path: `/api/v1${BASE}/_search`,
        body: {
          query: {
            bool: {
              filter: [
                { term: { zone_id: { value: 'z1' } } },
                { term: { 'status.maintenance_mode': { value: 'false' } } },
                { prefix: { public_hostname: { value: 'h-10' } } },
              ],
            },
          },
          size: 1000,
        },
      },
      {
        method: 'POST',
        path: `/api/v1${BASE}/_search`,
        body: { query: { match_all: {} }, size: 1000 },
        times: 2,
      },
    ]);
    const env = envFor(s);
    const r = await run(
      ['allocators', 'search', '--search', 'zone:z1 maintenance:false host:h-10*'],
      { env },
    );
    assert.deepEqual([r.code, r.stderr], [0, '']);
    // The old use of --query (the search syntax): the same request, and a deprecation note.
    const old = await run(
      ['allocators', 'search', '--query', 'zone:z1 maintenance:false host:h-10*'],
      { env },
    );
    assert.deepEqual(
      [old.code, old.stderr],
      [0, 'warning: --query with the search syntax is deprecated: use --search\n'],
    );
    const mem = await run(
      ['allocators', 'search', '--search', 'capacity:>=16g free:<16g', '--json'],
      { env },
    );
    assert.deepEqual(
      JSON.parse(mem.stdout).zones.flatMap((z: { allocators: { allocator_id: string }[] }) =>
        z.allocators.map((a) => a.allocator_id),
      ),
      ['10.0.0.1', '10.0.0.3'],
    );
    for (const [q, msg] of [
      [
        'rack:r1',
        'invalid --search field "rack" (known: zone, healthy, connected, maintenance, id, host, capacity, free, used, or a dotted field)',
      ],
      ['healthy:maybe', 'invalid --search term "healthy:maybe": healthy is true or false'],
      ['zone', 'invalid --search term "zone": use FIELD:VALUE'],
    ]) {
      const bad = await run(['allocators', 'search', '--search', q as string], { env });
      assert.deepEqual([bad.code, bad.stderr], [2, `error: ${msg}\n`]);
    }
    // --query is JMESPath: without --search every allocator matches.
    const ids = await run(
      ['allocators', 'search', '--query', 'zones[].allocators[].allocator_id'],
      { env },
    );
    assert.deepEqual([ids.code, ids.stdout, ids.stderr], [0, '10.0.0.1\n10.0.0.2\n10.0.0.3\n', '']);
    assert.equal(s.requests.length, 4);
  });

  it('delete: asks first, shows ECE refusal as it is (exit 5), --dry-run shows the DELETE', async () => {
    const s = await serve({
      [`GET ${BASE}/10.0.0.1`]: [200, alloc('10.0.0.1', 'z1', 0)],
      [`DELETE ${BASE}/10.0.0.1`]: (_q, res) =>
        eceError(
          res,
          400,
          'allocators.delete_connected_allocator_attempt',
          'Allocator [10.0.0.1] is connected and cannot be deleted',
        ),
      [`GET ${BASE}/10.0.0.9`]: (_q, res) =>
        eceError(
          res,
          404,
          'allocators.allocator_not_found',
          'Allocator [10.0.0.9] cannot be found',
        ),
    });
    const env = envFor(s);
    const ask = await run(['allocators', 'delete', '10.0.0.1'], { env });
    assert.deepEqual(
      [ask.code, ask.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    const refused = await run(['allocators', 'delete', '10.0.0.1', '--yes'], { env });
    assert.deepEqual(
      [refused.code, refused.stdout, refused.stderr],
      [
        5,
        '',
        'error: Allocator [10.0.0.1] is connected and cannot be deleted (allocators.delete_connected_allocator_attempt)\n',
      ],
    );
    const dry = await run(['allocators', 'delete', '10.0.0.1', '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout)],
      [0, curl('DELETE', `${s.url}/api/v1${BASE}/10.0.0.1`)],
    );
    const missing = await run(['allocators', 'delete', '10.0.0.9', '--yes'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: Allocator [10.0.0.9] cannot be found (allocators.allocator_not_found)\n'],
    );
  });

  it('metadata show, set, delete: exact requests; the list after the change', async () => {
    const items = [{ key: 'rack', value: 'r1' }];
    const s = await serve(
      {
        [`GET ${BASE}/10.0.0.1/metadata`]: [200, items],
        [`PUT ${BASE}/10.0.0.1/metadata/ssd`]: [200, [...items, { key: 'ssd', value: 'true' }]],
        [`DELETE ${BASE}/10.0.0.1/metadata/rack`]: [200, []],
      },
      [
        { method: 'PUT', path: `/api/v1${BASE}/10.0.0.1/metadata/ssd`, body: { value: 'true' } },
        { method: 'DELETE', path: `/api/v1${BASE}/10.0.0.1/metadata/rack` },
      ],
    );
    const env = envFor(s);
    const show = await run(['allocators', 'metadata', 'show', '10.0.0.1'], { env });
    assert.deepEqual([show.code, show.stdout], [0, 'rack\tr1\n']);
    const tty = await run(['allocators', 'metadata', 'show', '10.0.0.1', '--no-color'], {
      env,
      tty: true,
    });
    assert.equal(tty.stdout, 'KEY   VALUE\nrack  r1\n');
    const set = await run(['allocators', 'metadata', 'set', '10.0.0.1', 'ssd', 'true'], { env });
    assert.deepEqual([set.code, set.stdout], [0, 'rack\tr1\nssd\ttrue\n']);
    const del = await run(['allocators', 'metadata', 'delete', '10.0.0.1', 'rack', '--json'], {
      env,
    });
    assert.deepEqual([del.code, del.stdout], [0, '[]\n']);
    const dry = await run(
      ['allocators', 'metadata', 'set', '10.0.0.1', 'rack', 'r2', '--dry-run'],
      { env },
    );
    assert.equal(
      ua(dry.stdout),
      curl('PUT', `${s.url}/api/v1${BASE}/10.0.0.1/metadata/rack`, { value: 'r2' }),
    );
    const empty = await run(['allocators', 'metadata', 'set', '10.0.0.1', 'rack', ''], { env });
    assert.deepEqual(
      [empty.code, empty.stderr],
      [2, 'error: the metadata value is empty (delete the key instead)\n'],
    );
  });
});

describe('allocators admin verbs against the sandbox', () => {
  const t = useSandbox({ deployments: 2, planDurationMs: 600 });
  const env = t.env;

  it('search, metadata, then delete: refused with instances, done once vacated', async () => {
    const found = await run(
      ['allocators', 'search', '--search', 'zone:ece-zone-2 healthy:true free:>=32g'],
      { env },
    );
    assert.deepEqual(
      [found.code, found.stdout],
      [0, '192.168.44.11\tece-zone-2\tece-host-2.ece.local\t20480\t65536\t5\tyes\tno\n'],
    );
    const set = await run(['allocators', 'metadata', 'set', '192.168.44.11', 'retiring', 'yes'], {
      env,
    });
    assert.deepEqual([set.code, set.stdout], [0, 'rack\tr2\nretiring\tyes\n']);
    const refused = await run(['allocators', 'delete', '192.168.44.11', '--yes'], { env });
    assert.deepEqual(
      [refused.code, refused.stderr],
      [
        5,
        'error: Allocator [192.168.44.11] cannot be deleted: it still runs [5] instances; move them first (allocators.delete_allocator_with_instances_attempt)\n',
      ],
    );
    // A host lost for good: its listed instances go with it.
    const dry = await run(
      ['allocators', 'delete', '192.168.44.11', '--remove-instances', '--dry-run'],
      { env },
    );
    assert.equal(dry.code, 0);
    assert.match(dry.stdout, /allocators\/192\.168\.44\.11\?remove_instances=true\b/);
    const vacated = await run(['allocators', 'vacate', '192.168.44.11', '--wait', '--yes'], {
      env,
    });
    assert.equal(vacated.code, 0, vacated.stderr);
    const deleted = await run(['allocators', 'delete', '192.168.44.11', '--yes'], { env });
    assert.deepEqual([deleted.code, deleted.stderr], [0, 'Deleted allocator 192.168.44.11.\n']);
    const list = await run(['allocators', 'list', '--query', 'zones[].allocators[].allocator_id'], {
      env,
    });
    assert.equal(list.stdout, '192.168.44.10\n192.168.44.12\n');
    const lost = await run(
      ['allocators', 'delete', '192.168.44.12', '--remove-instances', '--yes'],
      {
        env,
      },
    );
    assert.deepEqual([lost.code, lost.stderr], [0, 'Deleted allocator 192.168.44.12.\n']);
    const gone = await run(['allocators', 'metadata', 'show', '192.168.44.11'], { env });
    assert.equal(gone.code, 3);
  });
});
