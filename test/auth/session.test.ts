// Bearer sessions stay alive while ece is used, and end with exit 4 and the
// way out when they cannot be renewed. Time is a fake clock (node:test's
// mock of Date, shared by the CLI and the in-process sandbox that signs the
// tokens): seconds of session life pass without real sleeps.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it, mock } from 'node:test';
import type { StoredCredential } from '../../src/auth/credentials.js';
import { bearerSession, jwtExpiry } from '../../src/auth/session.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json, startServer } from '../helpers/server.js';

const PASSWORD = 'session-test-password';
/** Moves the fake clock (Date only: timers and sockets run in real time). */
const fakeClock = () => mock.timers.enable({ apis: ['Date'], now: Date.now() });
const advance = (ms: number) => mock.timers.tick(ms);

async function signIn(url: string, env: Record<string, string>) {
  const r = await run(
    ['login', '--host', url, '-u', 'admin', '--password-stdin', '--insecure-storage'],
    {
      env,
      stdin: PASSWORD,
    },
  );
  assert.equal(r.code, 0, r.stderr);
}

function storedToken(env: Record<string, string>): string {
  const all = JSON.parse(readFileSync(join(env.ECE_CONFIG_DIR ?? '', 'credentials.json'), 'utf8'));
  const token = JSON.parse(all.default).secret as string;
  registerSecret(token);
  return token;
}

describe('bearer sessions', () => {
  afterEach(() => mock.timers.reset());

  it('with 3 s tokens, commands keep working across 10 s because each renews the session', async () => {
    fakeClock();
    let t = await testSandbox({ tokenTtlMs: 3_000, password: PASSWORD, deployments: 1 });
    registerSecret(PASSWORD);
    const env = { ECE_CONFIG_DIR: tempDir('ece-config-') };
    try {
      await signIn(t.sb.url, env);
      const tokens = new Set([storedToken(env)]);
      // 10 s of the fake clock, 1.5 s at a time.
      for (let i = 0; i < 7; i++) {
        const r = await run(['deployments', 'list'], { env });
        assert.equal(r.code, 0, r.stderr);
        tokens.add(storedToken(env));
        advance(1_500);
      }
      assert.ok(tokens.size >= 5, `only ${tokens.size} tokens: the session was not renewed`);
      const refreshes = t.exchanges.filter(
        (e) => e.url === '/api/v1/users/auth/_refresh' && e.status === 200,
      );
      assert.ok(refreshes.length >= 5);

      // The sandbox restarts on the same port with a new signing key: nothing can renew the session.
      const port = new URL(t.sb.url).port;
      await t.close();
      t = await testSandbox({
        port: Number(port),
        tokenTtlMs: 3_000,
        password: PASSWORD,
        deployments: 1,
      });
      const r = await run(['deployments', 'list'], { env });
      assert.equal(r.code, 4);
      assert.equal(
        r.stderr,
        'error: the session was rejected — run `ece login` to sign in again\n',
      );
    } finally {
      await t.close();
    }
  });

  it('an expired session is exit 4 with the login hint, without a request', async () => {
    fakeClock();
    const t = await testSandbox({ tokenTtlMs: 1_000, password: PASSWORD, deployments: 1 });
    const env = { ECE_CONFIG_DIR: tempDir('ece-config-') };
    try {
      await signIn(t.sb.url, env);
      storedToken(env);
      advance(1_100);
      const before = t.exchanges.length;
      const r = await run(['deployments', 'list'], { env });
      assert.equal(r.code, 4);
      assert.equal(r.stderr, 'error: session expired — run `ece login` to sign in again\n');
      assert.equal(t.exchanges.length, before);
    } finally {
      await t.close();
    }
  });

  it('a long session is not renewed early', async () => {
    const t = await testSandbox({ tokenTtlMs: 15 * 60_000, password: PASSWORD, deployments: 1 });
    const env = { ECE_CONFIG_DIR: tempDir('ece-config-') };
    try {
      await signIn(t.sb.url, env);
      const first = storedToken(env);
      await run(['deployments', 'list'], { env });
      assert.equal(storedToken(env), first, 'renewed with 15 minutes left');
      assert.equal(t.exchanges.filter((e) => e.url.endsWith('/_refresh')).length, 0);
    } finally {
      await t.close();
    }
  });

  it('a 401 on a stored session renews once, retries, and saves the new token', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const server = await startServer((req, res) => {
      if (req.url === '/api/v1/users/auth/_refresh') {
        return json(res, 200, { token: 'renewed-token-0001', session_expiration_time: later });
      }
      if (req.headers.authorization === 'Bearer renewed-token-0001')
        return json(res, 200, { deployments: [] });
      return eceError(res, 401, 'root.unauthenticated', 'The supplied authentication is invalid');
    });
    const saved: StoredCredential[] = [];
    const store = {
      get: async () => ({
        type: 'bearer' as const,
        secret: 'stale-token-0001',
        origin: server.url,
        expiresAt: later,
      }),
      where: () => 'keychain',
      save: async (_p: string, c: StoredCredential) => {
        saved.push(c);
      },
    };
    registerSecret('stale-token-0001', 'renewed-token-0001');
    try {
      const r = await run(['deployments', 'list', '--json'], {
        env: { ECE_HOST: server.url },
        store,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        server.requests.map((q) => [q.url, q.headers.authorization]),
        [
          ['/api/v1/deployments', 'Bearer stale-token-0001'],
          ['/api/v1/users/auth/_refresh', 'Bearer stale-token-0001'],
          ['/api/v1/deployments', 'Bearer renewed-token-0001'],
        ],
      );
      assert.deepEqual(saved, [
        { type: 'bearer', secret: 'renewed-token-0001', origin: server.url, expiresAt: later },
      ]);
      // When the refresh is refused too, it stops after one try with the hint.
      const refused = await startServer((_q, res) =>
        eceError(res, 401, 'root.unauthenticated', 'no'),
      );
      const r2 = await run(['deployments', 'list'], {
        env: { ECE_HOST: refused.url },
        store: { ...store, get: async () => ({ ...(await store.get()), origin: refused.url }) },
      });
      assert.equal(r2.code, 4);
      assert.equal(
        r2.stderr,
        'error: the session was rejected — run `ece login` to sign in again\n',
      );
      assert.equal(refused.requests.length, 2);
      await refused.close();
    } finally {
      await server.close();
    }
  });

  it('expiry comes from session_expiration_time, else the JWT exp (ECE before 3.7)', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 2_000_000_000 })).toString('base64url');
    assert.equal(jwtExpiry(`x.${payload}.y`), 2_000_000_000_000);
    assert.equal(jwtExpiry('not-a-jwt'), undefined);
    assert.equal(typeof bearerSession, 'function');
  });
});
