// `ece users update|enable|disable|delete` and `list --include-disabled`:
// exact requests, output and exit codes against a per-test server, then the
// whole life of a user against the sandbox.

import { after, afterEach, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError } from '../helpers/server.js';
import {
  API_KEY,
  closeAll,
  envFor,
  inConfig,
  secretCurl,
  secretVar,
  serve,
  ua,
} from './platform-admin-helpers.js';

const JDOE = {
  user_name: 'jdoe',
  full_name: 'Jane Doe',
  email: 'jane@example.com',
  builtin: false,
  security: { roles: ['ece_platform_viewer'], enabled: true },
};
const ME = { user_name: 'ops', security: { roles: ['ece_platform_admin'] } };
const PASSWORD = 'n3w-Pa$$word "x"';

describe('users admin verbs against a per-test server', () => {
  registerSecret(API_KEY, PASSWORD);
  afterEach(closeAll);

  it('update sends only what changes, as a merge patch; "" removes a field', async () => {
    const s = await serve(
      {
        'GET /users/jdoe': [200, JDOE],
        'PATCH /users/jdoe': (req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ...JDOE, ...JSON.parse(req.body) }));
        },
      },
      [
        {
          method: 'PATCH',
          path: '/api/v1/users/jdoe',
          body: {
            full_name: null,
            security: { roles: ['ece_platform_viewer', 'ece_deployment_manager'] },
          },
        },
      ],
    );
    const env = envFor(s);
    const r = await run(
      [
        'users',
        'update',
        'jdoe',
        '--full-name',
        '',
        '--email',
        'jane@example.com',
        '--add-role',
        'ece_deployment_manager',
      ],
      { env },
    );
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '', 'Updated user jdoe (full_name, roles).\n'],
    );
    const same = await run(
      ['users', 'update', 'jdoe', '--email', 'jane@example.com', '--remove-role', 'nope'],
      { env },
    );
    assert.deepEqual(
      [same.code, same.stdout, same.stderr],
      [0, '', 'User jdoe already has these settings; nothing to change.\n'],
    );
    const json = await run(
      ['users', 'update', 'jdoe', '--role', 'ece_deployment_viewer', '--json'],
      {
        env,
      },
    );
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout).security.roles, ['ece_deployment_viewer']);
    assert.deepEqual(
      s.requests.map((q) => `${q.method} ${q.url}`),
      [
        'GET /api/v1/users/jdoe',
        'PATCH /api/v1/users/jdoe',
        'GET /api/v1/users/jdoe',
        'GET /api/v1/users/jdoe',
        'PATCH /api/v1/users/jdoe',
      ],
    );
  });

  it('update takes a new password from stdin only; a dry run shows $ECE_PASSWORD', async () => {
    const s = await serve({ 'GET /users/jdoe': [200, JDOE], 'PATCH /users/jdoe': [200, JDOE] }, [
      { method: 'PATCH', path: '/api/v1/users/jdoe', body: { security: { password: PASSWORD } } },
    ]);
    const env = envFor(s);
    const r = await run(['users', 'update', 'jdoe', '--password-stdin', '--verbose'], {
      env,
      stdin: `${PASSWORD}\n`,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.endsWith('Updated user jdoe (password).\n'), r.stderr);
    assert.ok(!r.stderr.includes(PASSWORD));
    const dry = await run(['users', 'update', 'jdoe', '--change-password', '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [
        0,
        secretCurl(
          'PATCH',
          `${s.url}/api/v1/users/jdoe`,
          `${inConfig('{"security":{"password":"')}${secretVar('ECE_PASSWORD')}${inConfig('"}}')}`,
        ),
        'dry run: reading GET /api/v1/users/jdoe\n',
      ],
    );
    const noTty = await run(['users', 'update', 'jdoe', '--change-password'], { env });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: the password is asked for on a terminal; without one use --password-stdin\n'],
    );
    const short = await run(['users', 'update', 'jdoe', '--password-stdin'], {
      env,
      stdin: 'short',
    });
    assert.deepEqual(
      [short.code, short.stderr],
      [2, 'error: the password must have at least 8 characters\n'],
    );
    assert.equal(s.requests.filter((q) => q.method === 'PATCH').length, 1);
  });

  it('update: bad flag combinations are exit 2 before any request; a missing user is exit 3', async () => {
    const s = await serve({
      'GET /users/ghost': (_q, res) =>
        eceError(res, 404, 'user.not_found', 'User [ghost] cannot be found'),
    });
    const env = envFor(s);
    const cases: [string[], string][] = [
      [
        ['users', 'update', 'jdoe'],
        'nothing to update: give --full-name, --email, --role, --add-role, --remove-role, --change-password or --password-stdin',
      ],
      [
        ['users', 'update', 'jdoe', '--role', 'a', '--add-role', 'b'],
        '--role replaces the roles: it cannot be combined with --add-role or --remove-role',
      ],
      [
        ['users', 'update', 'jdoe', '--email', 'not-an-address'],
        'invalid --email "not-an-address": expected an address like jane@example.com',
      ],
      [
        ['users', 'update', 'jdoe', '--change-password', '--password-stdin'],
        '--change-password and --password-stdin cannot be combined',
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv, { env });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [2, '', `error: ${message}\n`],
        argv.join(' '),
      );
    }
    assert.equal(s.requests.length, 0);
    const ghost = await run(['users', 'update', 'ghost', '--email', 'g@example.com'], { env });
    assert.deepEqual(
      [ghost.code, ghost.stderr],
      [3, 'error: User [ghost] cannot be found (user.not_found)\n'],
    );
  });

  it('disable and enable send security.enabled only when it changes; disabling yourself is refused', async () => {
    const disabled = { ...JDOE, security: { ...JDOE.security, enabled: false } };
    const s = await serve(
      {
        'GET /user': [200, ME],
        'GET /users/jdoe': [200, JDOE],
        'GET /users/off': [200, { ...disabled, user_name: 'off' }],
        'PATCH /users/jdoe': [200, disabled],
        'PATCH /users/off': [200, { ...JDOE, user_name: 'off' }],
      },
      [
        {
          method: 'PATCH',
          path: '/api/v1/users/jdoe',
          body: { security: { enabled: false } },
        },
        { method: 'PATCH', path: '/api/v1/users/off', body: { security: { enabled: true } } },
      ],
    );
    const env = envFor(s);
    const off = await run(['users', 'disable', 'jdoe'], { env });
    assert.deepEqual(
      [off.code, off.stdout, off.stderr],
      [
        0,
        '',
        'Disabled user jdoe: it can no longer sign in (ece users enable jdoe undoes this).\n',
      ],
    );
    const on = await run(['users', 'enable', 'off'], { env });
    assert.deepEqual([on.code, on.stderr], [0, 'Enabled user off.\n']);
    const again = await run(['users', 'enable', 'jdoe'], { env });
    assert.deepEqual([again.code, again.stderr], [0, 'User jdoe is already enabled.\n']);
    const me = await run(['users', 'disable', 'ops'], { env });
    assert.deepEqual(
      [me.code, me.stderr],
      [
        2,
        'error: you are signed in as ops: disabling your own user would lock you out; sign in as another platform admin\n',
      ],
    );
    assert.equal(s.requests.filter((q) => q.method === 'PATCH').length, 2);
  });

  it('delete refuses yourself before sending; confirms otherwise; list --include-disabled asks ECE for them', async () => {
    const s = await serve(
      {
        'GET /user': [200, ME],
        'DELETE /users/jdoe': [200, {}],
        'GET /users': [200, { users: [JDOE] }],
      },
      [
        { method: 'DELETE', path: '/api/v1/users/jdoe' },
        { method: 'GET', path: '/api/v1/users?include_disabled=true' },
      ],
    );
    const env = envFor(s);
    const me = await run(['users', 'delete', 'ops', '--yes'], { env });
    assert.deepEqual(
      [me.code, me.stderr],
      [
        2,
        'error: you are signed in as ops: deleting your own user would lock you out; sign in as another platform admin\n',
      ],
    );
    const ask = await run(['users', 'delete', 'jdoe'], { env });
    assert.deepEqual(
      [ask.code, ask.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    assert.equal(s.requests.length, 1, 'nothing but the one GET /user');
    const yes = await run(['users', 'delete', 'jdoe', '--yes'], { env });
    assert.deepEqual([yes.code, yes.stderr], [0, 'Deleted user jdoe.\n']);
    const list = await run(['users', 'list', '--include-disabled'], { env });
    assert.deepEqual(
      [list.code, list.stdout],
      [0, 'jdoe\tJane Doe\tjane@example.com\tece_platform_viewer\tyes\tno\n'],
    );
    assert.equal(s.requests.filter((q) => q.method === 'DELETE').length, 1);
  });
});

describe('users admin verbs against the sandbox', () => {
  let t: TestSandbox;
  let env: Record<string, string>;
  before(async () => {
    t = await testSandbox({ deployments: 0 });
    registerSecret(t.sb.apiKey, PASSWORD);
    env = t.env;
  });
  after(() => t.close());

  it('a user from creation to deletion: update, disable (hidden from list), enable, delete', async () => {
    const made = await run(
      ['users', 'create', 'jdoe', '--role', 'ece_platform_viewer', '--password-stdin'],
      { env, stdin: PASSWORD },
    );
    assert.equal(made.code, 0, made.stderr);
    const up = await run(
      ['users', 'update', 'jdoe', '--full-name', 'Jane Doe', '--add-role', 'ece_deployment_viewer'],
      { env },
    );
    assert.deepEqual([up.code, up.stderr], [0, 'Updated user jdoe (full_name, roles).\n']);
    const show = await run(['users', 'show', 'jdoe'], { env });
    assert.equal(
      show.stdout,
      'name\tjdoe\nfull_name\tJane Doe\nemail\t-\nroles\tece_platform_viewer,ece_deployment_viewer\nenabled\tyes\nbuiltin\tno\n',
    );
    const bad = await run(['users', 'update', 'jdoe', '--role', 'root'], { env });
    assert.deepEqual(
      [bad.code, bad.stderr],
      [
        5,
        'error: Roles must be some of ece_platform_admin, ece_platform_viewer, ece_deployment_manager, ece_deployment_viewer (user.roles.invalid) [security.roles]\n',
      ],
    );
    assert.equal((await run(['users', 'disable', 'jdoe'], { env })).code, 0);
    const names = async (argv: string[]) =>
      (await run([...argv, '--query', 'users[].user_name'], { env })).stdout;
    assert.equal(await names(['users', 'list']), 'admin\nreadonly\nsandbox-admin\n');
    assert.equal(
      await names(['users', 'list', '--include-disabled']),
      'admin\nreadonly\nsandbox-admin\njdoe\n',
    );
    assert.equal((await run(['users', 'enable', 'jdoe'], { env })).code, 0);
    assert.equal(await names(['users', 'list']), 'admin\nreadonly\nsandbox-admin\njdoe\n');
    const builtin = await run(['users', 'update', 'admin', '--full-name', 'Root'], { env });
    assert.deepEqual(
      [builtin.code, builtin.stderr],
      [5, 'error: Built-in user [admin] cannot be modified (user.cannot_modify)\n'],
    );
    const self = await run(['users', 'delete', 'sandbox-admin', '--yes'], { env });
    assert.equal(self.code, 2);
    const gone = await run(['users', 'delete', 'jdoe', '--yes'], { env });
    assert.deepEqual([gone.code, gone.stderr], [0, 'Deleted user jdoe.\n']);
    const missing = await run(['users', 'show', 'jdoe'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: User [jdoe] cannot be found (user.not_found)\n'],
    );
  });
});
