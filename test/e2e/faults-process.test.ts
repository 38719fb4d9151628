// Faults of the machine around ece, with the real binary: Ctrl-C, a reader
// that goes away, no keychain, a broken or unwritable config, a session that
// ECE rejects, two writers at once. Exit code, first line of stderr, time bound.

import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { BIN, ece, spawnProc } from '../helpers/e2e.js';
import { createRequest, useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { json, startServer } from '../helpers/server.js';
import { type Stopwatch, stopwatch } from '../helpers/time.js';

const firstLine = (s: string) => s.split('\n')[0] ?? '';

describe('process faults', () => {
  const t = useSandbox({ deployments: 3, planDurationMs: 20_000 });
  const env = () => t.env;

  it('SIGINT during a request: exit 130, one line', async () => {
    const hang = await startServer(() => undefined, { contract: false });
    try {
      const clock = stopwatch();
      const r = await ece(['deployments', 'list'], {
        env: { ECE_HOST: hang.url, ECE_API_KEY: 'k-sigint-1' },
        onSpawn: (child) => {
          const timer = setInterval(() => {
            if (hang.requests.length > 0) {
              clearInterval(timer);
              child.kill('SIGINT');
            }
          }, 10);
        },
      });
      assert.deepEqual([r.code, r.stderr], [130, 'error: interrupted\n']);
      assert.equal(hang.requests.length, 1);
      clock.atMost(600, 'a run interrupted during its request');
    } finally {
      await hang.close();
    }
  });

  it('SIGTERM during a request: exit 143 at once, one line (issue 23)', async () => {
    const hang = await startServer(() => undefined, { contract: false });
    try {
      let clock: Stopwatch | undefined;
      const r = await ece(['deployments', 'list'], {
        env: { ECE_HOST: hang.url, ECE_API_KEY: 'k-sigterm-1' },
        onSpawn: (child) => {
          const timer = setInterval(() => {
            if (hang.requests.length > 0) {
              clearInterval(timer);
              clock = stopwatch();
              child.kill('SIGTERM');
            }
          }, 10);
        },
      });
      assert.deepEqual(
        [r.code, r.signal, r.stdout, r.stderr],
        [143, null, '', 'error: terminated\n'],
      );
      clock?.atMost(200, 'the exit after SIGTERM');
    } finally {
      await hang.close();
    }
  });

  it('SIGTERM while a dump downloads: exit 143, and no file, not even a temporary one, is left', async () => {
    const ID = 'abcdefabcdefabcdefabcdefabcdef43';
    let streaming = false;
    const server = await startServer(
      (req, res) => {
        if (!req.url.endsWith('/heap_dump/_download'))
          return json(res, 200, {
            id: ID,
            name: 'terminated',
            resources: {
              elasticsearch: [
                {
                  ref_id: 'main-elasticsearch',
                  id: 'e'.repeat(32),
                  region: 'ece-region',
                  info: { topology: { instances: [{ instance_name: 'instance-0' }] } },
                },
              ],
            },
          });
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.write(Buffer.alloc(64 * 1024, 7));
        streaming = true; // and never ends
      },
      { contract: false },
    );
    const dir = tempDir('ece-term-');
    try {
      const r = await ece(
        [
          'deployments',
          'instances',
          'heap-dump',
          ID,
          '--no-capture',
          '-O',
          join(dir, 'heap.hprof'),
        ],
        {
          env: { ECE_HOST: server.url, ECE_API_KEY: 'k-sigterm-2' },
          onSpawn: (child) => {
            const timer = setInterval(() => {
              if (streaming && readdirSync(dir).length > 0) {
                clearInterval(timer);
                child.kill('SIGTERM');
              }
            }, 10);
          },
        },
      );
      assert.deepEqual([r.code, r.stderr], [143, 'error: terminated\n']);
      assert.deepEqual(readdirSync(dir), []);
    } finally {
      await server.close();
    }
  });

  it('SIGINT during --wait: exit 130, the plan goes on', async () => {
    const file = join(tempDir(), 'd.json');
    writeFileSync(file, JSON.stringify(createRequest('sigint-wait')));
    const clock = stopwatch();
    const r = await ece(['deployments', 'create', '-f', file, '--wait'], {
      env: env(),
      secretOnStdout: true,
      onSpawn: (child) => {
        const timer = setInterval(() => {
          if (t.exchanges.some((e) => e.method === 'GET' && e.url.includes('show_plan_logs'))) {
            clearInterval(timer);
            child.kill('SIGINT');
          }
        }, 20);
      },
    });
    registerSecret(/password\t(\S+)/.exec(r.stdout)?.[1]);
    assert.equal(r.code, 130);
    assert.match(
      r.stderr.trimEnd().split('\n').at(-1) ?? '',
      /^error: stopped waiting; the plan goes on in ECE \(follow it with `ece deployments plan watch [0-9a-f]{32}`\)$/,
    );
    clock.atMost(1_000, 'a run interrupted while it waits');
  });

  it('`| head -1`: no EPIPE noise, exit 0', async () => {
    const r = await spawnProc(
      'bash',
      ['-c', `set -o pipefail; node "${BIN}" deployments list | head -1`],
      { env: env() },
    );
    assert.deepEqual([r.code, r.stderr], [0, '']);
    assert.equal(r.stdout.split('\n').length, 2);
  });

  it('a reader that leaves while ece still writes (more than a pipe holds): exit 0, nothing on stderr', async () => {
    const r = await spawnProc(
      'bash',
      ['-c', `set -o pipefail; node "${BIN}" help --json | head -c 1`],
      { env: env() },
    );
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '{', '']);
  });

  it('stdout on a full disk: exit 1 and one line saying so', async () => {
    const r = await spawnProc('bash', ['-c', `node "${BIN}" help --json > /dev/full`], {
      env: env(),
    });
    assert.deepEqual(
      [r.code, r.stderr],
      [1, 'error: cannot write to standard output (ENOSPC: no space left on device, write)\n'],
    );
  });

  it('no Secret Service: login is exit 4 naming the alternatives', async () => {
    const r = await ece(['login', '--host', t.sb.url, '--api-key-stdin'], {
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', ECE_CONFIG_DIR: tempDir() },
      input: t.sb.apiKey,
    });
    assert.equal(r.code, 4);
    assert.match(
      firstLine(r.stderr),
      /^error: the OS keychain is not available .* --insecure-storage/,
    );
  });

  it('a corrupt config file: exit 2 naming it, and it is left as it was', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, 'config.json'), '{"profiles": {"a": ', { mode: 0o600 });
    const r = await ece(['deployments', 'list'], { env: { ...env(), ECE_CONFIG_DIR: dir } });
    assert.equal(r.code, 2);
    assert.match(firstLine(r.stderr), /^error: config file .+config\.json is not valid JSON/);
    assert.equal(readFileSync(join(dir, 'config.json'), 'utf8'), '{"profiles": {"a": ');
  });

  it('an unwritable config directory: exit 1 with the reason', async () => {
    const dir = tempDir();
    const file = join(dir, 'blocked');
    writeFileSync(file, 'not a directory');
    chmodSync(file, 0o400);
    const r = await ece(['config', 'set', 'host', 'x.example'], { env: { ECE_CONFIG_DIR: file } });
    assert.deepEqual(
      [r.code, r.stderr],
      [1, `error: ${file} is not a directory; set ECE_CONFIG_DIR or move it away\n`],
    );
  });

  it('two `ece config set` at once: the file stays valid JSON', async () => {
    const dir = tempDir();
    const runs = await Promise.all(
      ['a', 'b', 'c', 'd'].map((p) =>
        ece(['config', 'set', 'timeout', '1m', '--profile', p], { env: { ECE_CONFIG_DIR: dir } }),
      ),
    );
    assert.deepEqual(
      runs.map((r) => r.code),
      [0, 0, 0, 0],
    );
    assert.doesNotThrow(() => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')));
  });

  it('a stored session ECE rejects: one refresh, then exit 4 with the login hint', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const token = 'rejected.session.token-0001';
    registerSecret(token);
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        current_profile: 'default',
        profiles: { default: { host: t.sb.url, credential: 'file' } },
      }),
      { mode: 0o600 },
    );
    writeFileSync(
      join(dir, 'credentials.json'),
      JSON.stringify({
        default: JSON.stringify({
          type: 'bearer',
          secret: token,
          origin: t.sb.url,
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      }),
      { mode: 0o600 },
    );
    const before = t.exchanges.length;
    const r = await ece(['deployments', 'list'], { env: { ECE_CONFIG_DIR: dir } });
    assert.deepEqual(
      [r.code, firstLine(r.stderr)],
      [4, 'error: the session was rejected — run `ece login` to sign in again'],
    );
    assert.deepEqual(
      t.exchanges.slice(before).map((e) => `${e.status} ${e.url}`),
      ['401 /api/v1/deployments', '401 /api/v1/users/auth/_refresh'],
    );
  });
});
