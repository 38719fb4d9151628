// `ece auth keys list --user|--all-users` and `delete --user`: other users'
// API keys (platform admins), against a per-test server and the sandbox.

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const KEY = {
  id: 'k1',
  user_id: 'jdoe',
  description: 'CI',
  creation_date: '2026-01-02T03:04:05Z',
  expiration_date: '2026-04-02T03:04:05Z',
};
const OTHER = {
  id: 'k2',
  user_id: 'ops',
  description: 'laptop',
  creation_date: '2026-02-01T00:00:00Z',
};

describe("other users' API keys against a per-test server", () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('show: one key (its own or --user’s), never the key itself; a missing one is exit 3', async () => {
    const s = await serve(
      {
        'GET /users/auth/keys/k1': [200, KEY],
        'GET /users/ops/auth/keys/k2': [200, OTHER],
        'GET /users/auth/keys/nope': (_q, res) =>
          eceError(res, 404, 'api_keys.key_not_found', 'The API key [nope] cannot be found'),
      },
      [
        { method: 'GET', path: '/api/v1/users/auth/keys/k1', times: 2 },
        { method: 'GET', path: '/api/v1/users/ops/auth/keys/k2' },
      ],
    );
    const env = envFor(s);
    const mine = await run(['auth', 'keys', 'show', 'k1'], { env });
    assert.deepEqual(
      [mine.code, mine.stdout, mine.stderr],
      [
        0,
        'id\tk1\nuser\tjdoe\ndescription\tCI\ncreated\t2026-01-02T03:04:05Z\nexpires\t2026-04-02T03:04:05Z\n',
        '',
      ],
    );
    const json = await run(['auth', 'keys', 'show', 'k1', '--json'], { env });
    assert.equal(json.stdout, `${JSON.stringify(KEY)}\n`);
    const theirs = await run(
      ['auth', 'keys', 'show', 'k2', '--user', 'ops', '--query', 'description'],
      {
        env,
      },
    );
    assert.deepEqual([theirs.code, theirs.stdout], [0, 'laptop\n']);
    const missing = await run(['auth', 'keys', 'show', 'nope'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: The API key [nope] cannot be found (api_keys.key_not_found)\n'],
    );
  });

  it('list --user reads /users/{user}/auth/keys; --all-users adds a USER column', async () => {
    const s = await serve(
      {
        'GET /users/jdoe/auth/keys': [200, { keys: [KEY] }],
        'GET /users/auth/keys/_all': [200, { keys: [KEY, OTHER] }],
        'GET /users/ghost/auth/keys': (_q, res) =>
          eceError(res, 404, 'api_keys.user_not_found', 'User [ghost] cannot be found'),
      },
      [
        { method: 'GET', path: '/api/v1/users/jdoe/auth/keys' },
        { method: 'GET', path: '/api/v1/users/auth/keys/_all' },
      ],
    );
    const env = envFor(s);
    const one = await run(['auth', 'keys', 'list', '--user', 'jdoe'], { env });
    assert.deepEqual(
      [one.code, one.stdout, one.stderr],
      [0, 'k1\tCI\t2026-01-02T03:04:05Z\t2026-04-02T03:04:05Z\n', ''],
    );
    const all = await run(['auth', 'keys', 'list', '--all-users'], { env });
    assert.deepEqual(
      [all.code, all.stdout],
      [
        0,
        'jdoe\tk1\tCI\t2026-01-02T03:04:05Z\t2026-04-02T03:04:05Z\nops\tk2\tlaptop\t2026-02-01T00:00:00Z\t-\n',
      ],
    );
    const table = await run(['auth', 'keys', 'list', '--all-users', '--no-color'], {
      env,
      tty: true,
    });
    assert.equal(
      table.stdout,
      'USER  ID  DESCRIPTION  CREATED               EXPIRES\njdoe  k1  CI           2026-01-02T03:04:05Z  2026-04-02T03:04:05Z\nops   k2  laptop       2026-02-01T00:00:00Z  -\n',
    );
    const json = await run(['auth', 'keys', 'list', '--all-users', '--json'], { env });
    assert.deepEqual(JSON.parse(json.stdout), { keys: [KEY, OTHER] });
    const ghost = await run(['auth', 'keys', 'list', '--user', 'ghost'], { env });
    assert.deepEqual(
      [ghost.code, ghost.stderr],
      [3, 'error: User [ghost] cannot be found (api_keys.user_not_found)\n'],
    );
    const both = await run(['auth', 'keys', 'list', '--user', 'jdoe', '--all-users'], { env });
    assert.deepEqual(
      [both.code, both.stderr],
      [2, 'error: --user and --all-users cannot be combined\n'],
    );
  });

  it('delete --user sends one DELETE per key; confirms; --dry-run shows them all', async () => {
    const s = await serve(
      {
        'DELETE /users/jdoe/auth/keys/k1': [200, {}],
        'DELETE /users/jdoe/auth/keys/k3': [200, {}],
        'DELETE /users/jdoe/auth/keys/nope': (_q, res) =>
          eceError(res, 404, 'api_keys.key_not_found', 'API key [nope] cannot be found'),
      },
      [
        { method: 'DELETE', path: '/api/v1/users/jdoe/auth/keys/k1', times: 2 },
        { method: 'DELETE', path: '/api/v1/users/jdoe/auth/keys/k3' },
      ],
    );
    const env = envFor(s);
    const dry = await run(['auth', 'keys', 'delete', '--user', 'jdoe', 'k1', 'k3', '--dry-run'], {
      env,
    });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [
        0,
        curl('DELETE', `${s.url}/api/v1/users/jdoe/auth/keys/k1`) +
          curl('DELETE', `${s.url}/api/v1/users/jdoe/auth/keys/k3`),
        '',
      ],
    );
    const ask = await run(['auth', 'keys', 'delete', '--user', 'jdoe', 'k1'], { env });
    assert.deepEqual(
      [ask.code, ask.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    assert.equal(s.requests.length, 0);
    const r = await run(['auth', 'keys', 'delete', '--user', 'jdoe', 'k1', 'k3', 'k1', '--yes'], {
      env,
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '', 'Deleted API key k1 of user jdoe.\nDeleted API key k3 of user jdoe.\n'],
    );
    const partial = await run(['auth', 'keys', 'delete', '--user', 'jdoe', 'k1', 'nope', '-y'], {
      env,
    });
    assert.deepEqual(
      [partial.code, partial.stderr],
      [
        3,
        'Deleted API key k1 of user jdoe.\nerror: API key [nope] cannot be found (api_keys.key_not_found)\n',
      ],
    );
  });
});

describe("other users' API keys against the sandbox", () => {
  const t = useSandbox({ deployments: 0 });
  const env = t.env;

  it("lists a user's keys and everyone's; deletes another key of a user by id", async () => {
    const made = await run(['auth', 'keys', 'create', '-d', 'spare', '--json'], {
      env,
      secretOnStdout: true,
    });
    const spare = JSON.parse(made.stdout) as { id: string; key: string };
    registerSecret(spare.key);
    const ids = async (argv: string[]) =>
      (await run([...argv, '--query', 'keys[].description'], { env })).stdout;
    assert.equal(
      await ids(['auth', 'keys', 'list', '--user', 'sandbox-admin']),
      'ece sandbox key\nspare\n',
    );
    assert.equal(await ids(['auth', 'keys', 'list', '--all-users']), 'ece sandbox key\nspare\n');
    const users = await run(['auth', 'keys', 'list', '--all-users', '--query', 'keys[].user_id'], {
      env,
    });
    assert.equal(users.stdout, 'sandbox-admin\nsandbox-admin\n');
    const del = await run(
      ['auth', 'keys', 'delete', '--user', 'sandbox-admin', spare.id, '--yes'],
      {
        env,
      },
    );
    assert.deepEqual(
      [del.code, del.stderr],
      [0, `Deleted API key ${spare.id} of user sandbox-admin.\n`],
    );
    assert.equal(
      await ids(['auth', 'keys', 'list', '--user', 'sandbox-admin']),
      'ece sandbox key\n',
    );
    const none = await run(['auth', 'keys', 'list', '--user', 'readonly'], { env });
    assert.deepEqual([none.code, none.stdout], [0, '']);
    const ghost = await run(['auth', 'keys', 'list', '--user', 'ghost'], { env });
    assert.deepEqual(
      [ghost.code, ghost.stderr],
      [3, 'error: User [ghost] cannot be found (api_keys.user_not_found)\n'],
    );
  });
});
