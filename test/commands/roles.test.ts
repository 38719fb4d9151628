// `ece roles list|show|create|update|delete` (runner roles of the
// blueprinter): exact requests, output and exit codes against a per-test
// server, then against the sandbox with its built-in roles.

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const BASE = '/api/v1/platform/infrastructure/blueprinter/roles';
const container = (name: string, set: string) => ({
  name,
  container_set_name: set,
  kind: 'docker',
  options: { enabled: true, auths: [], acls: [] },
});
const ROLE = {
  id: 'edge',
  auto_blessed: false,
  containers: [container('proxyv2', 'proxies'), container('route-server', 'proxies')],
};
const META = {
  created_time: '2026-01-05T09:00:00.000Z',
  modified_time: '2026-02-01T10:00:00.000Z',
  version: '4',
};
const AGGREGATE = {
  id: 'edge',
  role: { value: ROLE, meta: META },
  blessings: {
    value: {
      runner_ids_to_blessing: { '10.0.0.5': { value: true }, '10.0.0.6': { value: false } },
    },
    meta: META,
  },
};
const notFound = (_q: unknown, res: Parameters<typeof eceError>[0]) =>
  eceError(res, 404, 'roles.not_found', 'Role [nope] cannot be found');

describe('roles against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('list and show: rows of roles, container sets and blessed runners; --json as sent', async () => {
    const s = await serve({
      'GET /platform/infrastructure/blueprinter/roles': [200, { values: [AGGREGATE] }],
      'GET /platform/infrastructure/blueprinter/roles/edge': [200, AGGREGATE],
      'GET /platform/infrastructure/blueprinter/roles/nope': notFound,
    });
    const env = envFor(s);
    const list = await run(['roles', 'list'], { env });
    assert.deepEqual(
      [list.code, list.stdout, list.stderr],
      [0, 'edge\tno\tproxies\t10.0.0.5\n', ''],
    );
    const show = await run(['role', 'show', 'edge'], { env });
    assert.equal(
      show.stdout,
      'id\tedge\nauto_blessed\tno\ncontainer_sets\tproxies\nrunners\t10.0.0.5\ncontainers\tproxyv2,route-server\nversion\t4\nmodified\t2026-02-01T10:00:00.000Z\n',
    );
    const j = await run(['roles', 'show', 'edge', '--json'], { env });
    assert.equal(j.stdout, `${JSON.stringify(AGGREGATE)}\n`);
    const none = await run(['roles', 'show', 'nope'], { env });
    assert.deepEqual(
      [none.code, none.stderr],
      [3, 'error: Role [nope] cannot be found (roles.not_found)\n'],
    );
    await s.close();
  });

  it('create: a Role, a create request or a show --json; --id renames (without the blessings)', async () => {
    const s = await serve(
      {
        'POST /platform/infrastructure/blueprinter/roles': (_q, res) => json(res, 201, AGGREGATE),
      },
      [
        { method: 'POST', path: BASE, body: { role: ROLE } },
        {
          method: 'POST',
          path: BASE,
          body: { role: ROLE, blessings: AGGREGATE.blessings.value },
        },
        { method: 'POST', path: BASE, body: { role: { ...ROLE, id: 'edge2' } } },
      ],
    );
    const env = envFor(s);
    const plain = await run(['roles', 'create', '-f', '-'], { env, stdin: JSON.stringify(ROLE) });
    assert.deepEqual(
      [plain.code, plain.stdout, plain.stderr],
      [0, 'edge\n', 'Created runner role edge.\n'],
    );
    const copy = await run(['roles', 'create', '-f', '-'], {
      env,
      stdin: JSON.stringify(AGGREGATE),
    });
    assert.equal(copy.code, 0, copy.stderr);
    const renamed = await run(['roles', 'create', '-f', '-', '--id', 'edge2'], {
      env,
      stdin: JSON.stringify(AGGREGATE),
    });
    assert.deepEqual([renamed.code, renamed.stdout], [0, 'edge2\n']);
    const bad = await run(['roles', 'create', '-f', '-'], { env, stdin: '{"id":"x"}' });
    assert.deepEqual(
      [bad.code, bad.stderr],
      [2, 'error: the file is not a runner role: it has no containers list\n'],
    );
    const dry = await run(['roles', 'create', '-f', '-', '--dry-run'], {
      env,
      stdin: JSON.stringify(ROLE),
    });
    assert.deepEqual(
      [dry.code, ua(dry.stdout)],
      [0, curl('POST', `${s.url}${BASE}`, { role: ROLE })],
    );
    assert.equal(s.requests.length, 3);
    await s.close();
  });

  it('update: reads the role, PUTs the Role with ?version=; conflicts and in-use are exit 5', async () => {
    let answer: 'ok' | 'conflict' | 'in_use' = 'ok';
    const s = await serve(
      {
        'GET /platform/infrastructure/blueprinter/roles/edge': [200, AGGREGATE],
        'PUT /platform/infrastructure/blueprinter/roles/edge': (_q, res) =>
          answer === 'ok'
            ? json(res, 200, AGGREGATE)
            : answer === 'conflict'
              ? eceError(res, 409, 'roles.version_conflict', 'Role [edge] changed')
              : eceError(res, 400, 'roles.in_use', 'The role is currently running container sets'),
      },
      [
        { method: 'PUT', path: `${BASE}/edge?version=4`, body: { ...ROLE, auto_blessed: true } },
        { method: 'PUT', path: `${BASE}/edge?version=4`, body: { ...ROLE, containers: [] } },
      ],
    );
    const env = envFor(s);
    const flag = await run(['roles', 'update', 'edge', '--auto-blessed', 'true'], { env });
    assert.deepEqual([flag.code, flag.stdout, flag.stderr], [0, '', 'Updated runner role edge.\n']);
    answer = 'in_use';
    const file = await run(['roles', 'update', 'edge', '-f', '-'], {
      env,
      stdin: JSON.stringify({ ...AGGREGATE, role: { value: { ...ROLE, containers: [] } } }),
    });
    assert.deepEqual(
      [file.code, file.stderr],
      [5, 'error: The role is currently running container sets (roles.in_use)\n'],
    );
    answer = 'conflict';
    const lost = await run(['roles', 'update', 'edge', '--auto-blessed', 'true'], { env });
    assert.deepEqual(
      [lost.code, lost.stderr],
      [5, 'error: Role [edge] changed (roles.version_conflict)\n'],
    );
    for (const [argv, message] of [
      [[], 'give the role with -f FILE, or --auto-blessed'],
      [['--auto-blessed', 'yes'], 'invalid --auto-blessed "yes": use true or false'],
    ] as const) {
      const bad = await run(['roles', 'update', 'edge', ...argv], { env });
      assert.deepEqual([bad.code, bad.stderr], [2, `error: ${message}\n`]);
    }
    const other = await run(['roles', 'update', 'edge', '-f', '-'], {
      env,
      stdin: JSON.stringify({ ...ROLE, id: 'proxy' }),
    });
    assert.deepEqual(
      [other.code, other.stderr],
      [2, 'error: the file is role "proxy", not "edge"\n'],
    );
    await s.close();
  });

  it('delete: asks (exit 2 without a terminal); --dry-run; sends the version read', async () => {
    const s = await serve(
      {
        'GET /platform/infrastructure/blueprinter/roles/edge': [200, AGGREGATE],
        'DELETE /platform/infrastructure/blueprinter/roles/edge': [200, {}],
      },
      [{ method: 'DELETE', path: `${BASE}/edge?version=4` }],
    );
    const env = envFor(s);
    const noTty = await run(['roles', 'delete', 'edge'], { env });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    assert.equal(s.requests.length, 0);
    const dry = await run(['roles', 'rm', 'edge', '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [
        0,
        curl('DELETE', `'${s.url}${BASE}/edge?version=4'`),
        `dry run: reading GET ${BASE}/edge\n`,
      ],
    );
    const del = await run(['roles', 'delete', 'edge', '--yes'], { env });
    assert.deepEqual([del.code, del.stdout, del.stderr], [0, '', 'Deleted runner role edge.\n']);
    await s.close();
  });
});

describe('roles against the sandbox', () => {
  const t = useSandbox({ deployments: 1 });
  const env = t.env;

  it('the built-in roles; a new role given to a runner, in use, taken back, deleted', async () => {
    const list = await run(['roles', 'list'], { env });
    assert.equal(
      list.stdout,
      [
        'allocator\tno\tallocators,utilities\t192.168.44.10,192.168.44.11,192.168.44.12',
        'coordinator\tno\tadmin-consoles,cloud-uis,constructors,blueprints\t192.168.44.10,192.168.44.11,192.168.44.12',
        'director\tno\tdirectors,zookeeper-servers\t192.168.44.10,192.168.44.11,192.168.44.12',
        'proxy\tno\tproxies,utilities\t192.168.44.10,192.168.44.11,192.168.44.12',
        '',
      ].join('\n'),
    );
    const proxy = await run(['roles', 'show', 'proxy', '--json'], { env });
    const made = await run(['roles', 'create', '-f', '-', '--id', 'edge'], {
      env,
      stdin: proxy.stdout,
    });
    assert.deepEqual([made.code, made.stdout], [0, 'edge\n']);
    const twice = await run(['roles', 'create', '-f', '-', '--id', 'edge'], {
      env,
      stdin: proxy.stdout,
    });
    assert.deepEqual(
      [twice.code, twice.stderr],
      [5, 'error: Role [edge] already exists (roles.already_exists)\n'],
    );
    const blessed = await run(['roles', 'update', 'edge', '--auto-blessed', 'true'], { env });
    assert.equal(blessed.code, 0, blessed.stderr);
    const give = await run(
      [
        'runners',
        'roles',
        'set',
        '192.168.44.12',
        'allocator',
        'coordinator',
        'director',
        'proxy',
        'edge',
      ],
      { env },
    );
    assert.equal(give.code, 0, give.stderr);
    const inUse = await run(['roles', 'delete', 'edge', '--yes'], { env });
    assert.deepEqual(
      [inUse.code, inUse.stderr],
      [
        5,
        'error: Role [edge] is currently running container sets on runners [192.168.44.12] (roles.in_use)\n',
      ],
    );
    const back = await run(
      [
        'runners',
        'roles',
        'set',
        '192.168.44.12',
        'allocator',
        'coordinator',
        'director',
        'proxy',
        '--yes',
      ],
      { env },
    );
    assert.equal(back.code, 0, back.stderr);
    const del = await run(['roles', 'delete', 'edge', '--yes'], { env });
    assert.deepEqual([del.code, del.stderr], [0, 'Deleted runner role edge.\n']);
    const ids = await run(['roles', 'list', '--query', 'values[].id'], { env });
    assert.equal(ids.stdout, 'allocator\ncoordinator\ndirector\nproxy\n');
  });
});
