// --dry-run on every command that changes state: stdout is exactly the write
// as a curl line, the server sees only the reads (each noted on stderr), the
// run exits 0 without asking anything — and the printed line, run by the real
// curl binary against the same server, sends the same write. No password
// ever appears in clear.

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { userAgent } from '../src/version.js';
import assert from './helpers/assert.js';
import { run, tempDir } from './helpers/cli.js';
import { registerSecret } from './helpers/secrets.js';
import { json, type Recorded, startServer, type TestServer } from './helpers/server.js';
import { shell } from './helpers/shell.js';

const ID = '0123456789abcdef0123456789abcdef';
const NAME = 'prod-logs';
const API_KEY = 'dry-run-test-api-key-0042';
const PASSWORD = 'dry-run-Pa$$word "quoted" \'too\'';
const TOKEN = 'dry-run-bearer-token-0042';
const REQUEST_ID = 'dry-run-request-0123456789abcdef0123';

const resource = (kind: string, pending: boolean) => ({
  ref_id: `main-${kind}`,
  id: `${kind}-cluster-id`,
  region: 'ece-region',
  info: {
    healthy: true,
    status: 'started',
    plan_info: {
      healthy: true,
      history: [],
      ...(pending ? { pending: { healthy: true, plan_attempt_log: [] } } : {}),
    },
  },
});

const deployment = {
  id: ID,
  name: NAME,
  healthy: true,
  resources: {
    elasticsearch: [resource('elasticsearch', true)],
    kibana: [resource('kibana', false)],
  },
};

/** A small ECE: the reads the commands need; any write answers 200 {}. */
function handler(req: Recorded, res: import('node:http').ServerResponse): void {
  json(res, 200, answer(req));
}

function answer(req: Recorded): unknown {
  const path = req.url.split('?')[0];
  if (req.method === 'POST' && path === '/api/v1/deployments/_search') {
    const wanted = JSON.parse(req.body || '{}')?.query?.term?.['name.keyword']?.value;
    const hits = wanted === NAME ? [{ id: ID, name: NAME, healthy: true, resources: {} }] : [];
    return {
      return_count: hits.length,
      match_count: hits.length,
      deployments: hits,
    };
  }
  if (req.method === 'GET' && path === `/api/v1/deployments/${ID}`) return deployment;
  if (req.method === 'GET' && path === '/api/v1/user') return { user_name: 'admin', security: {} };
  return {};
}

interface Write {
  method: string;
  url: string;
  body?: unknown;
  authorization?: string;
}

interface Case {
  argv: string[];
  write: Write;
  /** The reads the command may send, as `METHOD path` (query left out). */
  reads: string[];
  stdin?: string;
  /** Extra stderr after the read notes. */
  note?: string;
  env?: Record<string, string>;
}

const SEARCH = 'POST /api/v1/deployments/_search';
const GET = `GET /api/v1/deployments/${ID}`;
const apiKey = `ApiKey ${API_KEY}`;

/** The cases for a deployment given by name and by id: a name costs one search. */
function byNameAndId(
  argv: (ref: string) => string[],
  write: Write,
  reads: string[] = [],
  note = '',
): Case[] {
  return [
    { argv: argv(NAME), write, reads: [SEARCH, ...reads], note },
    { argv: argv(ID), write, reads, note },
  ];
}

describe('--dry-run shows every write as curl and sends none', () => {
  let server: TestServer;
  let dir: string;
  let env: Record<string, string>;
  let cases: Case[];
  before(async () => {
    registerSecret(API_KEY, PASSWORD, TOKEN);
    server = await startServer(handler);
    dir = tempDir('ece-dry-');
    env = { ECE_HOST: server.url, ECE_API_KEY: API_KEY };
    const definition = { name: NAME, resources: { elasticsearch: [] } };
    const create = join(dir, 'create.json');
    writeFileSync(create, JSON.stringify(definition));
    const update = join(dir, 'update.json');
    const change = {
      resources: {
        elasticsearch: [
          {
            ref_id: 'main-elasticsearch',
            region: 'ece-region',
            plan: { cluster_topology: [], elasticsearch: { version: '8.15.1' } },
          },
        ],
      },
    };
    writeFileSync(update, JSON.stringify(change));
    const dep = `/api/v1/deployments/${ID}`;
    const es = `${dep}/elasticsearch/main-elasticsearch`;
    // logout: a profile with a stored bearer session.
    const config = join(dir, 'config');
    mkdirSync(config, { mode: 0o700 });
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({
        profiles: { default: { host: server.url, credential: 'file' } },
        current_profile: 'default',
      }),
    );
    writeFileSync(
      join(config, 'credentials.json'),
      JSON.stringify({
        default: JSON.stringify({
          type: 'bearer',
          secret: TOKEN,
          origin: server.url,
          expires_at: '2099-01-01T00:00:00Z',
        }),
      }),
      { mode: 0o600 },
    );
    cases = [
      ...byNameAndId((r) => ['deployments', 'shutdown', r, '--skip-snapshot'], {
        method: 'POST',
        url: `${dep}/_shutdown?skip_snapshot=true`,
        authorization: apiKey,
      }),
      ...byNameAndId((r) => ['deployments', 'restore', r, '--restore-snapshot', '--wait'], {
        method: 'POST',
        url: `${dep}/_restore?restore_snapshot=true`,
        authorization: apiKey,
      }),
      ...byNameAndId((r) => ['deployments', 'delete', r], {
        method: 'DELETE',
        url: dep,
        authorization: apiKey,
      }),
      ...byNameAndId(
        (r) => ['deployments', 'restart', r, '--cancel-pending'],
        { method: 'POST', url: `${es}/_restart?cancel_pending=true`, authorization: apiKey },
        [GET],
      ),
      ...byNameAndId(
        (r) => ['deployments', 'stop', r],
        { method: 'POST', url: `${es}/instances/_stop`, authorization: apiKey },
        [GET],
      ),
      ...byNameAndId(
        (r) => ['deployments', 'start', r, '--kind', 'kibana', '--ref-id', 'main-kibana'],
        {
          method: 'POST',
          url: `${dep}/kibana/main-kibana/instances/_start`,
          authorization: apiKey,
        },
      ),
      ...byNameAndId(
        (r) => ['deployments', 'plan', 'cancel', r],
        { method: 'DELETE', url: `${es}/plan/pending`, authorization: apiKey },
        [GET],
      ),
      {
        argv: ['deployments', 'create', '-f', create, '--request-id', REQUEST_ID, '--wait'],
        write: {
          method: 'POST',
          url: `/api/v1/deployments?request_id=${REQUEST_ID}`,
          body: definition,
          authorization: apiKey,
        },
        reads: [],
      },
      ...byNameAndId(
        (r) => ['deployments', 'update', r, '-f', update, '--prune-orphans'],
        {
          method: 'PUT',
          url: dep,
          body: { ...change, prune_orphans: true },
          authorization: apiKey,
        },
        [GET],
        'dry run: --prune-orphans would shut down kibana main-kibana\n',
      ),
      {
        argv: ['users', 'create', 'jdoe', '--role', 'ece_platform_viewer', '--password-stdin'],
        stdin: PASSWORD,
        write: {
          method: 'POST',
          url: '/api/v1/users',
          body: {
            user_name: 'jdoe',
            security: { password: PASSWORD, roles: ['ece_platform_viewer'], enabled: true },
          },
          authorization: apiKey,
        },
        reads: [],
      },
      {
        // No --password-stdin: a dry run asks for nothing; the line takes $ECE_PASSWORD.
        argv: ['users', 'create', 'jdoe', '--role', 'ece_platform_viewer'],
        write: {
          method: 'POST',
          url: '/api/v1/users',
          body: {
            user_name: 'jdoe',
            security: { password: PASSWORD, roles: ['ece_platform_viewer'], enabled: true },
          },
          authorization: apiKey,
        },
        reads: [],
      },
      {
        argv: ['users', 'delete', 'jdoe'],
        write: { method: 'DELETE', url: '/api/v1/users/jdoe', authorization: apiKey },
        // Who is signed in: deleting yourself is refused.
        reads: ['GET /api/v1/user'],
      },
      {
        argv: ['users', 'update', 'jdoe', '--email', 'j@example.com', '--password-stdin'],
        stdin: PASSWORD,
        write: {
          method: 'PATCH',
          url: '/api/v1/users/jdoe',
          body: { email: 'j@example.com', security: { password: PASSWORD } },
          authorization: apiKey,
        },
        reads: ['GET /api/v1/users/jdoe'],
      },
      {
        argv: ['users', 'disable', 'jdoe'],
        write: {
          method: 'PATCH',
          url: '/api/v1/users/jdoe',
          body: { security: { enabled: false } },
          authorization: apiKey,
        },
        reads: ['GET /api/v1/user', 'GET /api/v1/users/jdoe'],
      },
      {
        argv: ['auth', 'keys', 'delete', '--user', 'jdoe', 'key-0042'],
        write: {
          method: 'DELETE',
          url: '/api/v1/users/jdoe/auth/keys/key-0042',
          authorization: apiKey,
        },
        reads: [],
      },
      {
        argv: ['enrollment-tokens', 'create', '--role', 'allocator', '--validity', '2h'],
        write: {
          method: 'POST',
          url: '/api/v1/platform/configuration/security/enrollment-tokens',
          body: { persistent: false, roles: ['allocator'], validity_in_seconds: 7200 },
          authorization: apiKey,
        },
        reads: [],
      },
      {
        argv: ['enrollment-tokens', 'delete', 'tok-0042'],
        write: {
          method: 'DELETE',
          url: '/api/v1/platform/configuration/security/enrollment-tokens/tok-0042',
          authorization: apiKey,
        },
        reads: [],
      },
      {
        argv: ['auth', 'keys', 'create', '-d', 'CI pipeline', '--expiration', '30d'],
        write: {
          method: 'POST',
          url: '/api/v1/users/auth/keys',
          body: { description: 'CI pipeline', expiration: '30d' },
          authorization: apiKey,
        },
        reads: [],
      },
      {
        argv: ['auth', 'keys', 'delete', 'key-0042'],
        write: { method: 'DELETE', url: '/api/v1/users/auth/keys/key-0042', authorization: apiKey },
        reads: [],
      },
      {
        argv: ['api', '-X', 'POST', '/api/v1/users/auth/keys', '-f', 'description=from api'],
        write: {
          method: 'POST',
          url: '/api/v1/users/auth/keys',
          body: { description: 'from api' },
          authorization: apiKey,
        },
        reads: [],
      },
      {
        argv: ['api', '-X', 'DELETE', 'users/auth/keys/key-0042'],
        write: { method: 'DELETE', url: '/api/v1/users/auth/keys/key-0042', authorization: apiKey },
        reads: [],
      },
      {
        argv: ['login', '--host', server.url, '-u', 'admin', '--password-stdin'],
        stdin: PASSWORD,
        env: { ECE_CONFIG_DIR: tempDir('ece-config-') },
        write: {
          method: 'POST',
          url: '/api/v1/users/auth/_login',
          body: { username: 'admin', password: PASSWORD },
        },
        reads: [],
      },
      {
        argv: ['logout'],
        env: { ECE_CONFIG_DIR: config },
        write: {
          method: 'POST',
          url: '/api/v1/users/auth/_logout',
          authorization: `Bearer ${TOKEN}`,
        },
        reads: [],
        note: 'dry run: the stored credential of "default" was not removed\n',
      },
    ];
  });
  after(() => server.close());

  it('each mutating command, given a name and an id: the write as curl, reads only, no prompt; curl sends the same write', async () => {
    for (const c of cases) {
      const label = c.argv.join(' ');
      const start = server.requests.length;
      const runEnv = c.env ?? env;
      const r = await run([...c.argv, '--dry-run'], {
        env: runEnv,
        ...(c.stdin === undefined ? {} : { stdin: c.stdin }),
      });
      assert.equal(r.code, 0, `${label}: ${r.stderr}`);
      const seen = server.requests.slice(start).map((q) => `${q.method} ${q.url.split('?')[0]}`);
      assert.deepEqual(seen, c.reads, `${label}: the server saw only the reads`);
      assert.equal(
        r.stderr,
        c.reads.map((q) => `dry run: reading ${q}\n`).join('') + (c.note ?? ''),
        label,
      );
      const lines = r.stdout.split('\n');
      assert.equal(lines.length, 2, `${label}: one curl line: ${r.stdout}`);
      assert.match(r.stdout, /^(printf '[^']*' .* \| )?curl -sS -g (-K - )?-X [A-Z]+ /, label);
      assert.ok(!r.stdout.includes(PASSWORD) && !r.stderr.includes(PASSWORD), label);
      assert.ok(!r.stdout.includes(API_KEY) && !r.stdout.includes(TOKEN), label);

      const before = server.requests.length;
      const curl = await shell(r.stdout, {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        ECE_API_KEY: API_KEY,
        ECE_TOKEN: TOKEN,
        ECE_PASSWORD: PASSWORD,
      });
      assert.equal(curl.code, 0, `${label}: curl: ${curl.stderr}`);
      const sent = server.requests.slice(before);
      assert.equal(sent.length, 1, label);
      const [w] = sent;
      assert.deepEqual(
        {
          method: w?.method,
          url: w?.url,
          ...(w?.body ? { body: JSON.parse(w.body) } : {}),
          ...(w?.headers.authorization ? { authorization: w.headers.authorization } : {}),
        },
        c.write,
        label,
      );
    }
  });

  it('the curl line, exactly: the credential and the password as variables', async () => {
    const head = `-H 'Accept: application/json' -H 'User-Agent: ${userAgent()}'`;
    const shutdown = await run(['deployments', 'shutdown', ID, '--dry-run'], { env });
    assert.deepEqual(
      [shutdown.code, shutdown.stdout, shutdown.stderr],
      [
        0,
        `printf 'header = "Authorization: ApiKey %s"\\n' "$ECE_API_KEY" | curl -sS -g -K - -X POST ${server.url}/api/v1/deployments/${ID}/_shutdown ${head}\n`,
        '',
      ],
    );
    const login = await run(
      ['login', '--host', server.url, '-u', 'admin', '--password-stdin', '--dry-run'],
      {
        env: { ECE_CONFIG_DIR: tempDir('ece-config-') },
        stdin: PASSWORD,
      },
    );
    assert.deepEqual(
      [login.code, login.stdout, login.stderr],
      [
        0,
        `printf 'data-raw = "%s"\\n' '{\\"username\\":\\"admin\\",\\"password\\":\\"'"$(printf %s "$ECE_PASSWORD" | awk '{gsub(/[\\\\"]/, "\\\\\\\\&"); gsub(/[\\\\"]/, "\\\\\\\\&"); printf "%s%s", (NR > 1 ? "\\\\\\\\n" : ""), $0}')"'\\"}' | curl -sS -g -K - -X POST ${server.url}/api/v1/users/auth/_login ${head} -H 'Content-Type: application/json'\n`,
        '',
      ],
    );
  });

  it('allocators maintenance --dry-run shows the write and sends nothing', async () => {
    const start = server.requests.length;
    const r = await run(['allocators', 'maintenance', 'alloc-1', 'on', '--dry-run'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(server.requests.length, start, 'a request was sent');
    assert.match(
      r.stdout,
      /^printf 'header = "Authorization: ApiKey %s"\\n' "\$ECE_API_KEY" \| curl -sS -g -K - -X POST \S+\/api\/v1\/platform\/infrastructure\/allocators\/alloc-1\/maintenance-mode\/_start /,
    );
  });

  it('without --dry-run the command sends the very write its dry run showed', async () => {
    for (const argv of [
      ['deployments', 'shutdown', NAME, '--skip-snapshot', '--yes'],
      ['deployments', 'update', ID, '-f', join(dir, 'update.json'), '--prune-orphans', '--yes'],
      ['users', 'create', 'jdoe', '--role', 'ece_platform_viewer', '--password-stdin'],
    ]) {
      const opts = { env, stdin: PASSWORD };
      const dry = await run([...argv, '--dry-run'], opts);
      const shown = server.requests.length;
      const curl = await shell(dry.stdout, {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        ECE_API_KEY: API_KEY,
        ECE_PASSWORD: PASSWORD,
      });
      assert.equal(curl.code, 0);
      const viaCurl = server.requests[shown];
      const start = server.requests.length;
      const real = await run(argv, opts);
      assert.equal(real.code, 0, real.stderr);
      const writes = server.requests
        .slice(start)
        .filter((q) => q.method !== 'GET' && !q.url.includes('/_search'));
      assert.equal(writes.length, 1, argv.join(' '));
      const [w] = writes;
      assert.deepEqual(
        [w?.method, w?.url, w?.body ? JSON.parse(w.body) : undefined, w?.headers.authorization],
        [
          viaCurl?.method,
          viaCurl?.url,
          viaCurl?.body ? JSON.parse(viaCurl.body) : undefined,
          viaCurl?.headers.authorization,
        ],
        argv.join(' '),
      );
    }
  });

  it('config verbs that change profiles say they do not talk to ECE and change nothing', async () => {
    const cfg = tempDir('ece-config-');
    for (const [argv, verb] of [
      [['config', 'set', 'host', 'ece.example.com'], 'set'],
      [['config', 'unset', 'host'], 'unset'],
    ] as const) {
      const r = await run([...argv, '--dry-run'], { env: { ECE_CONFIG_DIR: cfg } });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          0,
          '',
          `dry run: ece config ${verb} changes only the local config and does not talk to ECE; nothing was changed\n`,
        ],
      );
    }
    const list = await run(['config', 'list', '--json'], { env: { ECE_CONFIG_DIR: cfg } });
    assert.deepEqual(JSON.parse(list.stdout), [
      { name: 'default', active: true, host: null, signed_in: null },
    ]);
    const bad = await run(['config', 'set', 'nope', 'x', '--dry-run'], {
      env: { ECE_CONFIG_DIR: cfg },
    });
    assert.equal(bad.code, 2, 'a dry run still checks its input');
  });

  it('read-only commands run their reads (noted on stderr) and print their result', async () => {
    const r = await run(['deployments', 'show', ID, '--dry-run', '--json', '--query', 'name'], {
      env,
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, `"${NAME}"\n`, `dry run: reading GET /api/v1/deployments/${ID}\n`],
    );
  });

  it('login with an API key checks it (a read) and saves nothing', async () => {
    const cfg = tempDir('ece-config-');
    const r = await run(['login', '--host', server.url, '--api-key-stdin', '--dry-run'], {
      env: { ECE_CONFIG_DIR: cfg },
      stdin: API_KEY,
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        '',
        'dry run: reading GET /api/v1/user\ndry run: the API key works (user admin); nothing was saved for profile "default"\n',
      ],
    );
    assert.equal(server.requests.at(-1)?.headers.authorization, `ApiKey ${API_KEY}`);
    assert.deepEqual(
      readdirSync(cfg).filter((f) => f.endsWith('.json')),
      [],
      'no config or credentials file was written',
    );
  });

  it('a dry run never prompts and needs no terminal, but asks for what it cannot prompt for', async () => {
    const login = await run(['login', '--host', server.url, '--dry-run'], {
      env: { ECE_CONFIG_DIR: tempDir('ece-config-') },
    });
    assert.deepEqual(
      [login.code, login.stderr],
      [2, 'error: --dry-run does not prompt: give --username\n'],
    );
  });
});
