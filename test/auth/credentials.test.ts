// Which credential reaches the server, and what happens without one.

import { after, before, describe, it } from 'node:test';
import { emptyListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/server.js';

describe('credential chain', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer((_req, res) => json(res, 200, emptyListText));
  });
  after(() => server.close());

  const cases: { name: string; argv: string[]; env: Record<string, string>; header: string }[] = [
    { name: '--api-key', argv: ['--api-key', 'flag-key-1'], env: {}, header: 'ApiKey flag-key-1' },
    { name: '--token', argv: ['--token', 'flag.jwt.tok'], env: {}, header: 'Bearer flag.jwt.tok' },
    {
      name: 'ECE_API_KEY',
      argv: [],
      env: { ECE_API_KEY: 'env-key-2' },
      header: 'ApiKey env-key-2',
    },
    {
      name: 'ECE_TOKEN',
      argv: [],
      env: { ECE_TOKEN: 'env.jwt.tok' },
      header: 'Bearer env.jwt.tok',
    },
    {
      name: '--api-key over ECE_TOKEN',
      argv: ['--api-key', 'flag-key-3'],
      env: { ECE_TOKEN: 'env.jwt.tok' },
      header: 'ApiKey flag-key-3',
    },
    {
      name: '--token over ECE_API_KEY',
      argv: ['--token', 'flag.jwt.tok'],
      env: { ECE_API_KEY: 'env-key-4' },
      header: 'Bearer flag.jwt.tok',
    },
    {
      name: '--api-key over ECE_API_KEY',
      argv: ['--api-key', 'flag-key-5'],
      env: { ECE_API_KEY: 'env-key-5' },
      header: 'ApiKey flag-key-5',
    },
  ];
  for (const c of cases) {
    it(`sends ${c.header.split(' ')[0]} from ${c.name}`, async () => {
      const before = server.requests.length;
      const r = await run(['deployments', 'list', '--json', ...c.argv], {
        env: { ECE_HOST: server.url, ...c.env },
      });
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      assert.equal(server.requests.length, before + 1);
      const req = server.requests.at(-1);
      assert.equal(req?.url, '/api/v1/deployments');
      assert.equal(req?.headers.authorization, c.header);
      assert.match(String(req?.headers['user-agent']), /^ece-cli\/\S+ \(node \S+; \w+\)$/);
    });
  }

  it('refuses --api-key together with --token (exit 2, nothing sent)', async () => {
    const before = server.requests.length;
    const r = await run(['deployments', 'list', '--api-key', 'k1', '--token', 't1'], {
      env: { ECE_HOST: server.url },
    });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'error: --api-key and --token cannot be used together\n');
    assert.equal(server.requests.length, before);
  });

  it('refuses ECE_API_KEY together with ECE_TOKEN', async () => {
    const r = await run(['deployments', 'list'], {
      env: { ECE_HOST: server.url, ECE_API_KEY: 'k', ECE_TOKEN: 't' },
    });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'error: both ECE_API_KEY and ECE_TOKEN are set; unset one of them\n');
  });

  it('without credentials exits 4 and says how to provide them', async () => {
    const r = await run(['deployments', 'list'], { env: { ECE_HOST: server.url } });
    assert.equal(r.code, 4);
    assert.equal(
      r.stderr,
      'error: no credentials: sign in with `ece login`, or set ECE_API_KEY (or ECE_TOKEN)\n',
    );
    assert.equal(r.stdout, '');
  });

  it('without a host exits 2 and says how to provide one', async () => {
    const r = await run(['deployments', 'list'], { env: { ECE_API_KEY: 'k' } });
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'error: no ECE host: pass --host HOST, set ECE_HOST (or COORDINATOR_HOST), or save one in a profile\n',
    );
  });

  it('an empty --api-key is a usage error', async () => {
    const r = await run(['deployments', 'list', '--api-key', ' '], {
      env: { ECE_HOST: server.url },
    });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'error: --api-key is empty\n');
  });

  it('uses the stored credential when no flag or env is set (the keychain seam)', async () => {
    const store = {
      get: async (profile: string) =>
        profile === 'default'
          ? { type: 'apikey' as const, secret: 'stored-key', origin: server.url }
          : undefined,
    };
    const r = await run(['deployments', 'list', '--json'], {
      env: { ECE_HOST: server.url },
      store,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(server.requests.at(-1)?.headers.authorization, 'ApiKey stored-key');
  });

  it('never sends a stored credential to another origin', async () => {
    const before = server.requests.length;
    const store = {
      get: async () => ({
        type: 'apikey' as const,
        secret: 'stored-key',
        origin: 'https://ece-a.example:12443',
      }),
    };
    const r = await run(['deployments', 'list'], { env: { ECE_HOST: server.url }, store });
    assert.equal(r.code, 4);
    assert.match(
      r.stderr,
      /^error: the credential stored for profile "default" belongs to https:\/\/ece-a\.example:12443 and is not sent to http:\/\/127\.0\.0\.1:\d+/,
    );
    assert.equal(server.requests.length, before);
  });
});

describe('host precedence', () => {
  it('--host > ECE_HOST > COORDINATOR_HOST > profile', async () => {
    const servers = await Promise.all(
      [0, 1, 2, 3].map(() => startServer((_q, res) => json(res, 200, emptyListText))),
    );
    const [flag, env, coord, profile] = servers.map((s) => s.url) as [
      string,
      string,
      string,
      string,
    ];
    try {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tempDir } = await import('../helpers/cli.js');
      const dir = tempDir();
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({ profiles: { default: { host: profile } } }),
        { mode: 0o600 },
      );
      const base = { ECE_API_KEY: 'k', ECE_CONFIG_DIR: dir };
      const hit = async (argv: string[], env: Record<string, string>) => {
        const r = await run(['deployments', 'list', '--json', ...argv], {
          env: { ...base, ...env },
        });
        assert.equal(r.code, 0, r.stderr);
        return servers.findIndex((s) => s.requests.length > 0 && s.requests.splice(0).length > 0);
      };
      assert.equal(await hit(['--host', flag], { ECE_HOST: env, COORDINATOR_HOST: coord }), 0);
      assert.equal(await hit([], { ECE_HOST: env, COORDINATOR_HOST: coord }), 1);
      assert.equal(await hit([], { COORDINATOR_HOST: coord }), 2);
      assert.equal(await hit([], {}), 3);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
