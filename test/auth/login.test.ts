// ece login / logout / auth status / auth token / auth keys against the
// sandbox, with --insecure-storage (the keychain itself: test/e2e/keychain).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { startServer } from '../helpers/server.js';
import { stopwatch } from '../helpers/time.js';

const PASSWORD = 'login-test-password';

describe('ece login and friends', () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ deployments: 2, password: PASSWORD });
    registerSecret(t.sb.apiKey, PASSWORD);
  });
  after(() => t.close());

  const fresh = () => ({ ECE_CONFIG_DIR: tempDir('ece-config-') });
  const loginKey = (env: Record<string, string>, extra: string[] = []) =>
    run(['login', '--host', t.sb.url, '--api-key-stdin', '--insecure-storage', ...extra], {
      env,
      stdin: `${t.sb.apiKey}\n`,
    });

  it('an API key: verified, stored 0600, host in the profile; then commands need no env', async () => {
    const env = fresh();
    const r = await loginKey(env);
    assert.equal(r.code, 0);
    const file = join(env.ECE_CONFIG_DIR, 'credentials.json');
    assert.equal(
      r.stderr,
      `Signed in to ${t.sb.url} as sandbox-admin with an API key (profile "default").\nwarning: the credential is stored in ${file} (mode 0600), not in the OS keychain\n`,
    );
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(JSON.parse(readFileSync(join(env.ECE_CONFIG_DIR, 'config.json'), 'utf8')), {
      profiles: { default: { host: t.sb.url, credential: 'file' } },
      current_profile: 'default',
    });
    const list = await run(['deployments', 'list', '--json'], { env });
    assert.equal(list.code, 0, list.stderr);
    assert.equal(
      JSON.parse(list.stdout).deployments.length,
      5,
      'two seeded and three system deployments',
    );
    assert.equal(t.exchanges.at(-1)?.url, '/api/v1/deployments');
  });

  it('a password: a bearer session; auth token prints it; logout ends it on ECE', async () => {
    const env = fresh();
    const r = await run(
      ['login', '--host', t.sb.url, '-u', 'admin', '--password-stdin', '--insecure-storage'],
      {
        env,
        stdin: PASSWORD,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /^Signed in to http:\/\/127\.0\.0\.1:\d+ as admin with a session until \d{4}-\d\d-\d\dT[\d:.]+Z, renewed as you use it \(profile "default"\)\.\n/,
    );
    const stored = JSON.parse(
      readFileSync(join(env.ECE_CONFIG_DIR, 'credentials.json'), 'utf8'),
    ).default;
    const token = JSON.parse(stored).secret as string;
    registerSecret(token);
    const printed = await run(['auth', 'token'], { env, secretOnStdout: true });
    assert.equal(printed.code, 0);
    assert.equal(printed.stdout, `${token}\n`);
    const out = await run(['logout'], { env });
    assert.equal(out.code, 0);
    assert.equal(out.stderr, `Signed out of ${t.sb.url} (profile "default").\n`);
    assert.equal(t.exchanges.at(-1)?.url, '/api/v1/users/auth/_logout');
    // The token was revoked on the server, not just forgotten here.
    const reuse = await t.call('GET', '/users/auth', { auth: `Bearer ${token}` });
    assert.equal(reuse.status, 401);
    assert.equal(readFileSync(join(env.ECE_CONFIG_DIR, 'credentials.json'), 'utf8'), '{}\n');
  });

  it('status --all and logout --all cover every profile', async () => {
    const env = fresh();
    await loginKey(env);
    await loginKey(env, ['--profile', 'second']);
    const status = await run(['auth', 'status', '--all', '--json'], { env });
    assert.equal(status.code, 0, status.stdout);
    assert.deepEqual(
      (
        JSON.parse(status.stdout) as { profile: string; authenticated: boolean; user: string }[]
      ).map((x) => [x.profile, x.authenticated, x.user]),
      [
        ['default', true, 'sandbox-admin'],
        ['second', true, 'sandbox-admin'],
      ],
    );
    const out = await run(['logout', '--all'], { env });
    assert.equal(out.code, 0);
    assert.equal(
      out.stderr,
      `Signed out of ${t.sb.url} (profile "default").\nSigned out of ${t.sb.url} (profile "second").\n`,
    );
    const after = await run(['auth', 'status', '--all'], { env });
    assert.equal(after.code, 4);
    assert.equal((after.stdout.match(/Status: {3}not signed in/g) ?? []).length, 2);
  });

  it("a wrong password or key is exit 4 with ECE's message, and nothing is stored", async () => {
    const env = fresh();
    const bad = await run(
      ['login', '--host', t.sb.url, '-u', 'admin', '--password-stdin', '--insecure-storage'],
      {
        env,
        stdin: 'not-the-password',
      },
    );
    assert.equal(bad.code, 4);
    assert.equal(
      bad.stderr,
      'error: The supplied authentication is invalid (root.unauthenticated)\n',
    );
    const badKey = await run(
      ['login', '--host', t.sb.url, '--api-key-stdin', '--insecure-storage'],
      {
        env,
        stdin: 'bm90LWEta2V5Om5vcGU=',
      },
    );
    assert.equal(badKey.code, 4);
    assert.throws(() => readFileSync(join(env.ECE_CONFIG_DIR, 'credentials.json')));
  });

  it('without a terminal and without the stdin flags it fails at once with exit 2', async () => {
    const clock = stopwatch();
    const r = await run(['login', '--host', t.sb.url], { env: fresh() });
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'error: ece login needs a terminal to ask for credentials; without one use --username NAME --password-stdin or --api-key-stdin\n',
    );
    clock.atMost(200, 'failing without a terminal');
  });

  it('refuses secrets on the command line and contradictory flags', async () => {
    const cases: [string[], string][] = [
      [
        ['--api-key', 'abcdefgh1234'],
        'error: ece login does not take --api-key or --token (they show in ps and shell history); use --api-key-stdin or --with-api-key\n',
      ],
      [['--password-stdin'], 'error: --password-stdin needs --username\n'],
      [
        ['--api-key-stdin', '-u', 'x'],
        'error: --username is for a password sign-in, not an API key\n',
      ],
      [
        ['-u', 'x', '--password-stdin', '--api-key-stdin'],
        'error: --password-stdin and --api-key-stdin cannot be used together\n',
      ],
    ];
    for (const [argv, stderr] of cases) {
      const r = await run(['login', '--host', t.sb.url, ...argv], { env: fresh() });
      assert.deepEqual([r.code, r.stderr], [2, stderr], argv.join(' '));
    }
  });

  it('says that ECE_API_KEY takes precedence when it is set', async () => {
    const env = { ...fresh(), ECE_API_KEY: t.sb.apiKey };
    const r = await loginKey(env);
    assert.equal(r.code, 0);
    assert.ok(
      r.stderr.startsWith(
        'note: ECE_API_KEY is set and takes precedence over the credential saved by login\n',
      ),
    );
  });

  it('a key saved for host A is never sent to host B', async () => {
    const env = fresh();
    await loginKey(env);
    const other = await startServer((_q, res) => {
      res.end('{}');
    });
    try {
      const r = await run(['deployments', 'list', '--host', other.url], { env });
      assert.equal(r.code, 4);
      assert.equal(
        r.stderr,
        `error: the credential stored for profile "default" belongs to ${t.sb.url} and is not sent to ${other.url}; run 'ece login --host ${other.url}' or pass ECE_API_KEY\n`,
      );
      assert.equal(other.requests.length, 0);
      assert.ok(other.requests.every((q) => q.headers.authorization === undefined));
    } finally {
      await other.close();
    }
  });

  describe('auth status', () => {
    // The sandbox's key belongs to sandbox-admin (ECE gives built-in users no keys).
    const report = (source: string, method = 'API key', extra = '') =>
      `Profile:  default (active)\nHost:     ${t.sb.url}\nMethod:   ${method} (from ${source})\n${extra}User:     ${method === 'API key' ? 'sandbox-admin' : 'admin'}\nECE:      3.8.0\nStatus:   signed in\n`;

    it('from --api-key', async () => {
      const r = await run(['auth', 'status', '--host', t.sb.url, '--api-key', t.sb.apiKey], {
        env: fresh(),
      });
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, report('--api-key'), '']);
    });

    it('from ECE_API_KEY', async () => {
      const r = await run(['auth', 'status'], {
        env: { ...fresh(), ...t.env },
      });
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, report('ECE_API_KEY'), '']);
    });

    it('from ECE_TOKEN, with its expiry', async () => {
      const login = (
        await t.call('POST', '/users/auth/_login', {
          body: { username: 'admin', password: PASSWORD },
          auth: null,
        })
      ).body as { token: string; session_expiration_time: string };
      registerSecret(login.token);
      const r = await run(['auth', 'status'], {
        env: { ...fresh(), ECE_HOST: t.sb.url, ECE_TOKEN: login.token },
      });
      assert.equal(r.code, 0);
      const expires = new Date(Date.parse(login.session_expiration_time)).toISOString();
      assert.equal(
        r.stdout.replace(/\(in \d+m(\d+s)?\)/, '(in …)'),
        report('ECE_TOKEN', 'bearer session', `Expires:  ${expires} (in …)\n`),
      );
    });

    it('from the credentials file', async () => {
      const env = fresh();
      await loginKey(env);
      const r = await run(['auth', 'status'], { env });
      const file = join(env.ECE_CONFIG_DIR, 'credentials.json');
      assert.deepEqual([r.code, r.stdout], [0, report(`${file}, a file, not the OS keychain`)]);
    });

    it('not signed in: exit 4, and --json says why', async () => {
      const r = await run(['auth', 'status', '--json'], {
        env: { ...fresh(), ECE_HOST: t.sb.url },
      });
      assert.equal(r.code, 4);
      assert.deepEqual(JSON.parse(r.stdout), {
        profile: 'default',
        active: true,
        host: t.sb.url,
        method: null,
        source: null,
        expires_at: null,
        user: null,
        authenticated: false,
        error: 'not signed in: run `ece login`, or set ECE_API_KEY or ECE_TOKEN',
      });
      assert.equal(r.stderr, '');
    });

    it("a rejected key: exit 4 with ECE's reason", async () => {
      const r = await run(['auth', 'status', '--host', t.sb.url, '--api-key', 'cmVqZWN0ZWQta2V5']);
      assert.equal(r.code, 4);
      assert.match(
        r.stdout,
        /Status: {3}not signed in: The supplied authentication is invalid \(root\.unauthenticated\)\n$/,
      );
    });
  });

  it('auth token refuses an API key (exit 4)', async () => {
    const r = await run(['auth', 'token'], {
      env: { ...fresh(), ...t.env },
    });
    assert.equal(r.code, 4);
    assert.equal(
      r.stderr,
      'error: the active credential is an API key (from ECE_API_KEY); `ece auth token` prints bearer tokens only\n',
    );
    assert.equal(r.stdout, '');
  });

  describe('auth keys', () => {
    it('create prints the key once with a warning; list shows it; delete confirms', async () => {
      const env = { ...fresh(), ...t.env };
      const created = await run(
        ['auth', 'keys', 'create', '--description', 'ci pipeline', '--expiration', '30d'],
        {
          env,
          secretOnStdout: true,
        },
      );
      assert.equal(created.code, 0);
      const key = created.stdout.trim();
      registerSecret(key);
      assert.match(
        created.stderr,
        /^Created API key \w+\. Store it now: ECE will not show it again\.\n$/,
      );
      assert.equal((await t.call('GET', '/users/auth', { auth: `ApiKey ${key}` })).status, 200);

      const id = /API key (\w+)/.exec(created.stderr)?.[1] ?? '';
      const list = await run(['auth', 'keys', 'list'], { env });
      assert.equal(list.code, 0);
      const rows = list.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t'));
      assert.ok(
        rows.some((r) => r[0] === id && r[1] === 'ci pipeline' && r[3] !== '-'),
        list.stdout,
      );

      const clock = stopwatch();
      const noTty = await run(['auth', 'keys', 'delete', id], { env });
      assert.equal(noTty.code, 2);
      assert.equal(
        noTty.stderr,
        'error: this needs confirmation: pass --yes to run it without a terminal\n',
      );
      clock.atMost(200, 'refusing without a terminal');
      const yes = await run(['auth', 'keys', 'delete', id, '--yes'], { env });
      assert.deepEqual([yes.code, yes.stderr], [0, `Deleted API key ${id}.\n`]);
      const missing = await run(['auth', 'keys', 'delete', id, '--yes'], { env });
      assert.equal(missing.code, 3);
    });

    it("create --save makes the new key the profile's credential", async () => {
      const env = fresh();
      await loginKey(env);
      const saved = await run(['auth', 'keys', 'create', '-d', 'rotated', '--save'], { env });
      assert.equal(saved.code, 0, saved.stderr);
      const stored = JSON.parse(
        JSON.parse(readFileSync(join(env.ECE_CONFIG_DIR, 'credentials.json'), 'utf8')).default,
      );
      registerSecret(stored.secret);
      assert.notEqual(stored.secret, t.sb.apiKey);
      const id = /API key (\w+)/.exec(saved.stderr)?.[1] ?? '';
      const list = await run(['auth', 'keys', 'list'], { env });
      assert.equal(list.code, 0);
      assert.ok(
        list.stdout.split('\n').some((l) => l.startsWith(`${id}\trotated\t`)),
        list.stdout,
      );
    });
  });
});

describe('ece login: only the origin itself can verify a credential', () => {
  const KEY = 'redirect-login-key-0042';
  const PW = 'redirect-login-password-0042';

  it('a redirect of GET /user (a key: exit 4) or POST _login (a password: exit 6) to another origin: nothing saved, nothing sent there', async () => {
    registerSecret(KEY, PW);
    // The other origin answers anything with a 200, as a hostile one would.
    const other = await startServer(
      (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"user_name":"evil","token":"x.y.z"}');
      },
      { contract: false },
    );
    const ece = await startServer(
      (q, res) => {
        res.writeHead(307, { location: `${other.url}${q.url}` });
        res.end();
      },
      { contract: false },
    );
    try {
      // A password is a body: the rule for every body (never to another origin, exit 6) comes first.
      const refusedBody = `error: refused a redirect from ${ece.url} to ${other.url}: ece never sends a request body to another origin (POST /api/v1/users/auth/_login)\n`;
      const refusedCheck = `error: refused a redirect from ${ece.url} to ${other.url} while checking the credential: only ${ece.url} itself can say that it works\n`;
      for (const [argv, stdin, path, code, stderr] of [
        [['--api-key-stdin'], KEY, '/api/v1/user', 4, refusedCheck],
        [['-u', 'admin', '--password-stdin'], PW, '/api/v1/users/auth/_login', 6, refusedBody],
      ] as const) {
        const dir = tempDir('ece-config-');
        const r = await run(['login', '--host', ece.url, ...argv, '--insecure-storage'], {
          env: { ECE_CONFIG_DIR: dir },
          stdin,
        });
        assert.deepEqual([r.code, r.stdout, r.stderr], [code, '', stderr], argv.join(' '));
        assert.equal(ece.requests.at(-1)?.url, path);
        assert.deepEqual(
          readdirSync(dir).filter((f) => f.endsWith('.json')),
          [],
          'nothing saved',
        );
      }
      assert.equal(other.requests.length, 0, 'the other origin got nothing');
    } finally {
      await ece.close();
      await other.close();
    }
  });

  it('an answer to GET /user that names no user verifies nothing: exit 4, nothing saved', async () => {
    registerSecret(KEY);
    const ece = await startServer(
      (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      },
      { contract: false },
    );
    try {
      const dir = tempDir('ece-config-');
      const r = await run(['login', '--host', ece.url, '--api-key-stdin', '--insecure-storage'], {
        env: { ECE_CONFIG_DIR: dir },
        stdin: KEY,
      });
      assert.deepEqual(
        [r.code, r.stderr],
        [
          4,
          "error: ECE's answer to GET /user names no user (HTTP 200): the credential was not verified\n",
        ],
      );
      assert.deepEqual(
        readdirSync(dir).filter((f) => f.endsWith('.json')),
        [],
      );
    } finally {
      await ece.close();
    }
  });
});
