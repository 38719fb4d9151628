// `ece enrollment-tokens create|list|delete`: the token printed once, on
// stdout only; exact requests and exit codes against a per-test server; the
// tokens' life against the sandbox.

import { afterEach, describe, it } from 'node:test';
import { verb as create } from '../../src/commands/enrollment-tokens/create.js';
import { verb as remove } from '../../src/commands/enrollment-tokens/delete.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const BASE = '/platform/configuration/security/enrollment-tokens';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.enrollment-token-secret-0042.sig';

describe('enrollment tokens plan without a server', () => {
  registerSecret(TOKEN);

  it('create: one POST; a repeated role once; --validity in seconds', async () => {
    const { plan } = await planOf(create, { role: ['proxy', 'proxy'], validity: '2h' });
    assert.deepEqual(plan.writes, [
      {
        method: 'POST',
        path: BASE,
        body: { persistent: false, roles: ['proxy'], validity_in_seconds: 7200 },
        idempotent: false,
      },
    ]);
    // Before the POST: a token made and then not printed would be lost.
    await assert.rejects(planOf(create, { role: [] }, { flags: { json: true, output: 'yaml' } }), {
      message: '--json cannot be combined with --output yaml',
    });
    await assert.rejects(planOf(create, { role: [], validity: '1h', persistent: true }), {
      message:
        '--validity is for tokens that expire: a --persistent token works until it is deleted',
    });
  });

  it('delete: one DELETE per distinct id; a token given as the id is not named', async () => {
    const { plan } = await planOf(remove, { tokenId: ['t-1', TOKEN, 't-1'] });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path]),
      [
        ['DELETE', `${BASE}/t-1`],
        ['DELETE', `${BASE}/${TOKEN}`],
      ],
    );
    assert.equal(plan.confirm, 'Delete 2 enrollment tokens? No new host can join with it.');
    assert.equal(
      plan.done,
      'Deleted enrollment token t-1.\nDeleted enrollment token the given token.',
    );
  });
});

describe('enrollment tokens against a per-test server', () => {
  registerSecret(API_KEY, TOKEN);
  afterEach(closeAll);

  it('create prints the token on stdout only; --json is the body; a --verbose trace masks it', async () => {
    const s = await serve({ [`POST ${BASE}`]: [200, { token: TOKEN, token_id: 't-1' }] }, [
      {
        method: 'POST',
        path: `/api/v1${BASE}`,
        body: { persistent: true, roles: ['allocator', 'proxy'] },
        times: 3,
      },
    ]);
    const env = envFor(s);
    const argv = ['enrollment-tokens', 'create', '--role', 'allocator', '--role', 'proxy'];
    const r = await run([...argv, '--persistent'], { env, secretOnStdout: true });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        `${TOKEN}\n`,
        'Created enrollment token t-1 for allocator, proxy; it never expires: revoke it with `ece enrollment-tokens delete t-1`. Store it now: ECE will not show it again.\n',
      ],
    );
    const json = await run([...argv, '--persistent', '--json'], { env, secretOnStdout: true });
    assert.equal(json.stdout, `${JSON.stringify({ token: TOKEN, token_id: 't-1' })}\n`);
    const verbose = await run([...argv, '--persistent', '--verbose'], {
      env,
      secretOnStdout: true,
    });
    assert.equal(verbose.stdout, `${TOKEN}\n`);
    assert.ok(verbose.stderr.includes('"token": "********"'), verbose.stderr);
    assert.ok(!verbose.stderr.includes(TOKEN));
  });

  it('create: --validity in seconds; bad roles and durations are exit 2 before any request', async () => {
    const s = await serve({ [`POST ${BASE}`]: [200, { token: TOKEN }] }, [
      {
        method: 'POST',
        path: `/api/v1${BASE}`,
        body: { persistent: false, roles: ['director'], validity_in_seconds: 5400 },
      },
      // Without --validity, persistent as ecctl makes it (was: ECE's one-hour default).
      { method: 'POST', path: `/api/v1${BASE}`, body: { persistent: true } },
    ]);
    const env = envFor(s);
    const r = await run(
      ['enrollment-tokens', 'create', '--role', 'director', '--validity', '90m'],
      {
        env,
        secretOnStdout: true,
      },
    );
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        `${TOKEN}\n`,
        'Created enrollment token for director, valid for 90m. Store it now: ECE will not show it again.\n',
      ],
    );
    const plain = await run(['enrollment-tokens', 'create'], { env, secretOnStdout: true });
    assert.equal(
      plain.stderr,
      'Created enrollment token for the system services only; it never expires: revoke it with `ece enrollment-tokens delete ID`. Store it now: ECE will not show it again.\n',
    );
    const before = s.requests.length;
    const cases: [string[], string][] = [
      [['--role', 'chef'], 'invalid --role "chef": use allocator, coordinator, director, proxy'],
      [
        ['--persistent', '--validity', '1h'],
        '--validity is for tokens that expire: a --persistent token works until it is deleted',
      ],
      [
        ['--validity', 'soon'],
        'invalid --validity "soon": use a duration such as 30s, 2m or 1h30m',
      ],
      [
        ['--validity', '1500ms'],
        'invalid --validity "1500ms": use whole seconds from 1s up to about 68 years',
      ],
    ];
    for (const [flags, message] of cases) {
      const bad = await run(['enrollment-tokens', 'create', ...flags], { env });
      assert.deepEqual([bad.code, bad.stdout, bad.stderr], [2, '', `error: ${message}\n`]);
    }
    assert.equal(s.requests.length, before);
    const dry = await run(['enrollment-tokens', 'create', '--role', 'proxy', '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [0, curl('POST', `${s.url}/api/v1${BASE}`, { persistent: true, roles: ['proxy'] }), ''],
    );
  });

  it('list shows ids and roles, never a token; delete confirms, then deletes each', async () => {
    const s = await serve(
      {
        [`GET ${BASE}`]: [
          200,
          {
            tokens: [
              { token_id: 't-1', roles: ['allocator'] },
              { token_id: 't-2', roles: [] },
            ],
          },
        ],
        [`DELETE ${BASE}/t-1`]: [200, {}],
        [`DELETE ${BASE}/gone`]: (_q, res) =>
          eceError(res, 404, 'enrollment_tokens.invalid_token_id', 'Token [gone] cannot be found'),
      },
      [{ method: 'DELETE', path: `/api/v1${BASE}/t-1` }],
    );
    const env = envFor(s);
    const list = await run(['enrollment-tokens', 'list'], { env });
    assert.deepEqual([list.code, list.stdout], [0, 't-1\tallocator\nt-2\t-\n']);
    const ask = await run(['enrollment-tokens', 'delete', 't-1'], { env });
    assert.deepEqual(
      [ask.code, ask.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    const del = await run(['enrollment-tokens', 'delete', 't-1', '--yes'], { env });
    assert.deepEqual([del.code, del.stderr], [0, 'Deleted enrollment token t-1.\n']);
    const gone = await run(['enrollment-tokens', 'rm', 'gone', '-y'], { env });
    assert.deepEqual(
      [gone.code, gone.stderr],
      [3, 'error: Token [gone] cannot be found (enrollment_tokens.invalid_token_id)\n'],
    );
    // ECE takes the token itself too: it is a secret, masked in the dry run's curl line.
    const dry = await run(['enrollment-tokens', 'delete', TOKEN, '--dry-run'], { env });
    assert.equal(dry.code, 0);
    assert.ok(!dry.stdout.includes(TOKEN) && dry.stdout.includes('enrollment-tokens/'), dry.stdout);
  });
});

describe('enrollment tokens against the sandbox', () => {
  const t = useSandbox({ deployments: 0 });
  const env = t.env;

  it('a persistent token is listed until deleted; an expiring one is never listed', async () => {
    const temp = await run(
      ['enrollment-tokens', 'create', '--role', 'allocator', '--validity', '1h'],
      {
        env,
        secretOnStdout: true,
      },
    );
    assert.equal(temp.code, 0, temp.stderr);
    registerSecret(temp.stdout.trim());
    assert.match(temp.stdout, /^[\w-]+\.[\w-]+\n$/);
    const made = await run(
      [
        'enrollment-tokens',
        'create',
        '--role',
        'director',
        '--role',
        'coordinator',
        '--persistent',
        '--json',
      ],
      { env, secretOnStdout: true },
    );
    const body = JSON.parse(made.stdout) as { token: string; token_id: string };
    registerSecret(body.token);
    const list = await run(['enrollment-tokens', 'list'], { env });
    assert.deepEqual([list.code, list.stdout], [0, `${body.token_id}\tdirector,coordinator\n`]);
    assert.ok(!list.stdout.includes(body.token));
    const del = await run(['enrollment-tokens', 'delete', body.token_id, '--yes'], { env });
    assert.equal(del.code, 0);
    const empty = await run(['enrollment-tokens', 'list', '--json'], { env });
    assert.equal(empty.stdout, '{"tokens":[]}\n');
    const again = await run(['enrollment-tokens', 'delete', body.token_id, '--yes'], { env });
    assert.deepEqual(
      [again.code, again.stderr],
      [3, `error: Token [${body.token_id}] cannot be found (enrollment_tokens.invalid_token_id)\n`],
    );
  });
});
