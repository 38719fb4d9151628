// `ece runners show|search|resync|roles set|delete`: exact requests, output
// and exit codes against a per-test server, then against the sandbox.

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const BASE = '/api/v1/platform/infrastructure/runners';
const RUNNER = {
  runner_id: '10.0.0.5',
  runner_name: 'host-5',
  host_ip: '10.0.0.5',
  public_hostname: 'host-5.example.com',
  zone: 'zone-a',
  connected: true,
  healthy: false,
  roles: [{ role_name: 'allocator' }, { role_name: 'proxy' }],
  containers: [{ container_name: 'frc-allocators-allocator', container_set_name: 'allocators' }],
};
const missing = (_q: unknown, res: Parameters<typeof eceError>[0]) =>
  eceError(res, 404, 'runners.runner_not_found', 'Runner [nope] cannot be found');

describe('runners against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('show: FIELD VALUE rows, --json as sent; a missing runner is exit 3', async () => {
    const s = await serve({
      'GET /platform/infrastructure/runners/10.0.0.5': [200, RUNNER],
      'GET /platform/infrastructure/runners/nope': missing,
    });
    const env = envFor(s);
    const r = await run(['runners', 'show', '10.0.0.5'], { env });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        'id\t10.0.0.5\nname\thost-5\nhost\thost-5.example.com\nip\t10.0.0.5\nzone\tzone-a\nregion\t-\nroles\tallocator,proxy\nconnected\tyes\nhealthy\tno\ncontainers\tfrc-allocators-allocator\n',
        '',
      ],
    );
    const j = await run(['runner', 'show', '10.0.0.5', '--json'], { env });
    assert.equal(j.stdout, `${JSON.stringify(RUNNER)}\n`);
    const none = await run(['runners', 'show', 'nope'], { env });
    assert.deepEqual(
      [none.code, none.stdout, none.stderr],
      [3, '', 'error: Runner [nope] cannot be found (runners.runner_not_found)\n'],
    );
    await s.close();
  });

  it('search: the short syntax as Query DSL; -f takes a query; bad terms are exit 2', async () => {
    const query = {
      bool: {
        filter: [
          { term: { 'roles.role_name': { value: 'allocator' } } },
          { prefix: { zone: { value: 'zone-' } } },
          { term: { healthy: { value: 'false' } } },
          {
            bool: {
              should: [
                { term: { runner_id: { value: 'host-5.example.com' } } },
                { term: { public_hostname: { value: 'host-5.example.com' } } },
              ],
              minimum_should_match: 1,
            },
          },
        ],
      },
    };
    const s = await serve(
      { 'POST /platform/infrastructure/runners/_search': [200, { runners: [RUNNER] }] },
      [
        { method: 'POST', path: `${BASE}/_search`, body: { query, size: 5 } },
        { method: 'POST', path: `${BASE}/_search`, body: { query: { match_all: {} } } },
        { method: 'POST', path: `${BASE}/_search`, body: {} },
      ],
    );
    const env = envFor(s);
    const r = await run(
      [
        'runners',
        'search',
        '--search',
        'role:allocator zone:zone-* healthy:false host-5.example.com',
        '--size',
        '5',
      ],
      { env },
    );
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '10.0.0.5\thost-5.example.com\tzone-a\tallocator,proxy\tyes\tno\n', ''],
    );
    // The old use of --query: the same request, a deprecation note on stderr.
    const old = await run(
      [
        'runners',
        'search',
        '--query',
        'role:allocator zone:zone-* healthy:false host-5.example.com',
        '--size',
        '5',
      ],
      { env },
    );
    assert.deepEqual(
      [old.code, old.stdout, old.stderr],
      [
        0,
        '10.0.0.5\thost-5.example.com\tzone-a\tallocator,proxy\tyes\tno\n',
        'warning: --query with the search syntax is deprecated: use --search\n',
      ],
    );
    const file = await run(['runners', 'search', '-f', '-', '--json'], {
      env,
      stdin: '{"match_all": {}}',
    });
    assert.equal(file.stdout, `${JSON.stringify({ runners: [RUNNER] })}\n`);
    // --query is JMESPath: every runner (no search term), then the ids.
    const ids = await run(['runners', 'search', '--query', 'runners[].runner_id'], { env });
    assert.deepEqual([ids.code, ids.stdout, ids.stderr], [0, '10.0.0.5\n', '']);
    for (const [argv, message] of [
      [
        ['--search', 'colour:red'],
        'invalid --search field "colour" (known: id, host, ip, zone, region, role, connected, healthy)',
      ],
      [
        ['--search', 'healthy:maybe'],
        'invalid --search term "healthy:maybe": healthy is true or false',
      ],
      [
        ['--search', 'x', '-f', 'q.json'],
        "option '-f, --file <file>' cannot be used with option '--search <terms>'",
      ],
      [['--size', '0'], 'invalid --size "0": use a number from 1 to 10000'],
      [['--query', 'runners[?'], 'invalid --query "runners[?": Invalid token (EOF): ""'],
    ] as const) {
      const bad = await run(['runners', 'search', ...argv], { env });
      assert.deepEqual([bad.code, bad.stderr], [2, `error: ${message}\n`], argv.join(' '));
    }
    const both = await run(['runners', 'search', '--query', 'role:allocator', '-f', 'q.json'], {
      env,
    });
    assert.deepEqual(
      [both.code, both.stderr],
      [
        2,
        'warning: --query with the search syntax is deprecated: use --search\nerror: --query with the search syntax and -f cannot be used together\n',
      ],
    );
    assert.equal(s.requests.length, 4);
    await s.close();
  });

  it('resync: one runner or --all (a summary on stderr); neither or both is exit 2', async () => {
    const results = {
      results: { runners: { created: [], updated: ['a', 'b'], deleted: [], errors: ['r2'] } },
    };
    const s = await serve(
      {
        'POST /platform/infrastructure/runners/_resync': (_q, res) => json(res, 202, results),
        'POST /platform/infrastructure/runners/10.0.0.5/_resync': [200, {}],
      },
      [
        { method: 'POST', path: `${BASE}/_resync` },
        { method: 'POST', path: `${BASE}/10.0.0.5/_resync` },
      ],
    );
    const env = envFor(s);
    const one = await run(['runners', 'resync', '10.0.0.5'], { env });
    assert.deepEqual(
      [one.code, one.stdout, one.stderr],
      [0, '', 'Resynchronized runner 10.0.0.5.\n'],
    );
    const all = await run(['runners', 'resync', '--all'], { env });
    assert.deepEqual(
      [all.code, all.stdout, all.stderr],
      [0, '', 'Resynchronizing every runner: 2 updated, 1 errors.\n'],
    );
    const both = await run(['runners', 'resync', '10.0.0.5', '--all'], { env });
    assert.deepEqual(
      [both.code, both.stderr],
      [2, 'error: --all cannot be combined with a runner id\n'],
    );
    const neither = await run(['runners', 'resync'], { env });
    assert.deepEqual([neither.code, neither.stderr], [2, 'error: give a runner id, or --all\n']);
    const dry = await run(['runners', 'resync', '--all', '--dry-run'], { env });
    assert.deepEqual([dry.code, ua(dry.stdout)], [0, curl('POST', `${s.url}${BASE}/_resync`)]);
    assert.equal(s.requests.length, 2);
    await s.close();
  });

  it('roles set: shows before and after; removing roles asks (exit 2 without a terminal)', async () => {
    const s = await serve(
      {
        'GET /platform/infrastructure/runners/10.0.0.5': [200, RUNNER],
        'PUT /platform/infrastructure/runners/10.0.0.5/roles': (q, res) =>
          json(res, 200, JSON.parse(q.body)),
      },
      [
        {
          method: 'PUT',
          path: `${BASE}/10.0.0.5/roles`,
          body: {
            roles: [{ role_name: 'allocator' }, { role_name: 'proxy' }, { role_name: 'director' }],
          },
        },
        {
          method: 'PUT',
          path: `${BASE}/10.0.0.5/roles`,
          body: { roles: [{ role_name: 'proxy' }] },
        },
      ],
    );
    const env = envFor(s);
    const add = await run(
      ['runners', 'roles', 'set', '10.0.0.5', 'allocator', 'proxy', 'director'],
      { env },
    );
    assert.deepEqual(
      [add.code, add.stdout, add.stderr],
      [
        0,
        '',
        'Runner 10.0.0.5\n  before: allocator, proxy\n  after:  allocator, proxy, director\nSet the roles of runner 10.0.0.5.\n',
      ],
    );
    const remove = await run(['runners', 'roles', 'set', '10.0.0.5', 'proxy'], { env });
    assert.deepEqual(
      [remove.code, remove.stderr],
      [
        2,
        'Runner 10.0.0.5\n  before: allocator, proxy\n  after:  proxy\nerror: this needs confirmation: pass --yes to run it without a terminal\n',
      ],
    );
    const dry = await run(['runners', 'roles', 'set', '10.0.0.5', 'proxy', '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout)],
      [0, curl('PUT', `${s.url}${BASE}/10.0.0.5/roles`, { roles: [{ role_name: 'proxy' }] })],
    );
    const yes = await run(['runners', 'roles', 'set', '10.0.0.5', 'proxy', '--yes', '--json'], {
      env,
    });
    assert.deepEqual([yes.code, yes.stdout], [0, '{"roles":[{"role_name":"proxy"}]}\n']);
    assert.equal(s.requests.filter((q) => q.method === 'PUT').length, 2);
    await s.close();
  });

  it('delete: asks (exit 2 without a terminal), --dry-run shows it, ECE refusing is exit 5', async () => {
    let refuse = true;
    const s = await serve(
      {
        'GET /platform/infrastructure/runners/10.0.0.5': [200, RUNNER],
        'GET /platform/infrastructure/runners/nope': missing,
        'DELETE /platform/infrastructure/runners/10.0.0.5': (_q, res) =>
          refuse
            ? eceError(
                res,
                400,
                'runners.runner_deletion_failed',
                'Runner [10.0.0.5] could not be deleted',
              )
            : json(res, 200, {}),
      },
      [{ method: 'DELETE', path: `${BASE}/10.0.0.5`, times: 2 }],
    );
    const env = envFor(s);
    const noTty = await run(['runners', 'delete', '10.0.0.5'], { env });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    assert.equal(s.requests.length, 0);
    const dry = await run(['runners', 'rm', '10.0.0.5', '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [0, curl('DELETE', `${s.url}${BASE}/10.0.0.5`), `dry run: reading GET ${BASE}/10.0.0.5\n`],
    );
    const none = await run(['runners', 'delete', 'nope', '--yes'], { env });
    assert.equal(none.code, 3);
    const refused = await run(['runners', 'delete', '10.0.0.5', '--yes'], { env });
    assert.deepEqual(
      [refused.code, refused.stderr],
      [5, 'error: Runner [10.0.0.5] could not be deleted (runners.runner_deletion_failed)\n'],
    );
    refuse = false;
    const del = await run(['runners', 'delete', '10.0.0.5', '--yes'], { env });
    assert.deepEqual([del.code, del.stdout, del.stderr], [0, '', 'Deleted runner 10.0.0.5.\n']);
    await s.close();
  });
});

describe('runners against the sandbox', () => {
  const t = useSandbox({ deployments: 2 });
  const env = t.env;

  it('searches, resyncs, changes roles, refuses to delete a busy host and deletes an empty one', async () => {
    const found = await run(['runners', 'search', '--query', 'role:allocator zone:ece-zone-2'], {
      env,
    });
    assert.deepEqual(
      [found.code, found.stdout],
      [
        0,
        '192.168.44.11\tece-host-2.ece.local\tece-zone-2\tallocator,coordinator,director,proxy\tyes\tyes\n',
      ],
    );
    const all = await run(['runners', 'resync', '--all'], { env });
    assert.deepEqual(
      [all.code, all.stderr],
      [0, 'Resynchronizing every runner: 3 updated, 0 errors.\n'],
    );
    const set = await run(['runners', 'roles', 'set', '192.168.44.12', 'allocator', '--yes'], {
      env,
    });
    assert.equal(set.code, 0, set.stderr);
    const show = await run(['runners', 'show', '192.168.44.12', '--query', 'roles[].role_name'], {
      env,
    });
    assert.equal(show.stdout, 'allocator\n');
    const bad = await run(['runners', 'roles', 'set', '192.168.44.12', 'nope', '--yes'], {
      env,
    });
    assert.deepEqual(
      [bad.code, bad.stderr.split('\n').at(-2)],
      [5, 'error: Role [nope] does not exist (runners.runner_set_roles_failed) [roles]'],
    );
    const busy = await run(['runners', 'delete', '192.168.44.10', '--yes'], { env });
    assert.equal(busy.code, 5);
    assert.match(
      busy.stderr,
      /^error: Runner \[192\.168\.44\.10\] could not be deleted: it still runs \d+ instances; move them off first \(runners\.runner_deletion_failed\)\n$/,
    );
    const del = await run(['runners', 'delete', '192.168.44.12', '--yes'], { env });
    assert.deepEqual([del.code, del.stderr], [0, 'Deleted runner 192.168.44.12.\n']);
    const list = await run(['runners', 'list', '--query', 'runners[].runner_id'], { env });
    assert.equal(list.stdout, '192.168.44.10\n192.168.44.11\n');
  });
});
