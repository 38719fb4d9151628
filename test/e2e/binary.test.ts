// The real binary, end to end: version, help, usage errors, --dry-run run by
// real curl, Ctrl-C, broken pipes.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deploymentsListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { ece, spawnProc } from '../helpers/e2e.js';
import { json, startServer, type TestServer } from '../helpers/server.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('the ece binary', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer((_q, res) => json(res, 200, deploymentsListText));
  });
  after(() => server.close());

  it('--version prints the package version', async () => {
    const r = await ece(['--version']);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, `${pkg.version}\n`, '']);
  });

  it('--help lists the command groups and exits 0', async () => {
    const r = await ece(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: ece \[options\] \[command\]\n/);
    assert.match(r.stdout, /\n {2}deployments\|deployment +List and manage deployments\n/);
    assert.equal(r.stderr, '');
  });

  it('help for a command shows its examples', async () => {
    for (const argv of [
      ['deployments', 'list', '--help'],
      ['help', 'deployments'],
    ]) {
      const r = await ece(argv);
      assert.equal(r.code, 0, argv.join(' '));
      assert.match(r.stdout, /Examples:\n {2}\$ ece deployments list/);
    }
  });

  it('COLUMNS sets the width of -o table in a pipe (the fit itself: test/output/fit.test.ts)', async () => {
    const env = { ECE_HOST: server.url, ECE_API_KEY: 'columns-api-key-0042' };
    const wide = await ece(['deployments', 'list', '-o', 'table'], { env });
    assert.equal(wide.code, 0, wide.stderr);
    assert.ok(
      wide.stdout.split('\n').some((l) => l.length > 40),
      wide.stdout,
    );
    const r = await ece(['deployments', 'list', '-o', 'table'], { env: { ...env, COLUMNS: '40' } });
    assert.deepEqual([r.code, r.stderr], [0, '']);
    const long = r.stdout.split('\n').filter((l) => l.length > 40);
    assert.deepEqual(long, [], r.stdout);
    assert.notEqual(r.stdout, wide.stdout);
  });

  it('a mistyped command is one line, a suggestion, exit 2', async () => {
    const r = await ece(['deploymnts', 'list']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "error: unknown command 'deploymnts' (Did you mean deployments?)\n");
    assert.equal(r.stdout, '');
  });

  it('an unknown option is one line, exit 2', async () => {
    const r = await ece(['deployments', 'list', '--bogus']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "error: unknown option '--bogus'\n");
  });

  it('an extra argument is exit 2', async () => {
    const r = await ece(['deployments', 'list', 'extra']);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^error: too many arguments for 'list'\. Expected 0 arguments but got 1\.\n$/,
    );
  });

  for (const [scheme, variable, value] of [
    ['ApiKey', 'ECE_API_KEY', 'dry-run-api-key-0042'],
    ['Bearer', 'ECE_TOKEN', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJkcnkifQ.sig'],
  ] as const) {
    it(`--dry-run prints the write as a curl line that sends the same request (${scheme})`, async () => {
      const env = { ECE_HOST: server.url, [variable]: value };
      const id = '0123456789abcdef0123456789abcdef';
      const start = server.requests.length;
      // No terminal and no --yes: a real delete would refuse; a dry run never asks.
      const dry = await ece(['deployments', 'delete', id, '--dry-run'], { env });
      assert.equal(dry.code, 0, dry.stderr);
      assert.equal(dry.stderr, '', 'an id needs no lookup');
      assert.equal(server.requests.length, start, 'a dry run sent a request');
      assert.ok(!dry.stdout.includes(value), 'the secret is in the curl line');
      assert.match(
        dry.stdout,
        new RegExp(
          `^printf .* \\| curl -sS -g -K - -X DELETE ${server.url}/api/v1/deployments/${id} -H `,
        ),
      );
      assert.ok(
        dry.stdout.startsWith(
          `printf 'header = "Authorization: ${scheme} %s"\\n' "$${variable}" | `,
        ),
      );
      assert.equal(dry.stdout.split('\n').length, 2);

      const viaCurl = await spawnProc('sh', ['-c', dry.stdout], { env });
      assert.equal(viaCurl.code, 0, viaCurl.stderr);
      const real = await ece(['deployments', 'delete', id, '--yes'], { env });
      assert.equal(real.code, 0, real.stderr);
      const [fromCurl, fromEce, ...more] = server.requests.slice(start);
      assert.ok(fromCurl && fromEce);
      assert.equal(more.length, 0);
      assert.equal(fromCurl.method, 'DELETE');
      assert.equal(fromCurl.method, fromEce.method);
      assert.equal(fromCurl.url, fromEce.url);
      assert.equal(fromCurl.headers.authorization, `${scheme} ${value}`);
      for (const h of ['authorization', 'user-agent', 'accept', 'content-type']) {
        assert.equal(fromCurl.headers[h], fromEce.headers[h], h);
      }
      assert.equal(fromCurl.body, fromEce.body);
    });
  }

  it('--dry-run of a read-only command runs its reads, says so on stderr, and prints the result', async () => {
    const env = { ECE_HOST: server.url, ECE_API_KEY: 'dry-run-api-key-0042' };
    const r = await ece(['deployments', 'list', '--dry-run', '--json'], { env });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, deploymentsListText, 'dry run: reading GET /api/v1/deployments\n'],
    );
  });

  it('YAML both ways in the bundle: -o yaml prints, a YAML file is read', async (t) => {
    const env = { ECE_HOST: server.url, ECE_API_KEY: 'yaml-api-key-0042' };
    const out = await ece(['api', '/platform', '-o', 'yaml'], { env });
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^deployments:\n {2}- id: /);
    const dir = tempDir('ece-yaml-', t);
    writeFileSync(join(dir, 'body.yaml'), 'name: from-yaml\n');
    const dry = await ece(['deployments', 'create', '-f', join(dir, 'body.yaml'), '--dry-run'], {
      env,
    });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /--data-raw '\{"name":"from-yaml"\}'\n$/);
  });

  it('Ctrl-C during a request exits 130 with one line, no stack', async () => {
    const hang = await startServer(() => undefined);
    try {
      const r = await ece(['deployments', 'list'], {
        env: { ECE_HOST: hang.url, ECE_API_KEY: 'k' },
        onSpawn: (child) => {
          const timer = setInterval(() => {
            if (hang.requests.length > 0) {
              clearInterval(timer);
              child.kill('SIGINT');
            }
          }, 20);
        },
      });
      assert.equal(r.code, 130);
      assert.equal(r.stderr, 'error: interrupted\n');
    } finally {
      await hang.close();
    }
  });

  it('a reader that goes away (| head -1) is not an error', async () => {
    const many = {
      deployments: Array.from({ length: 5000 }, (_, i) => ({
        id: i.toString(16).padStart(32, '0'),
        name: `deployment-${i}`,
        resources: [],
      })),
    };
    const big = await startServer((_q, res) => json(res, 200, many));
    try {
      const r = await spawnProc(
        'sh',
        ['-c', `node "$ECE_BIN" deployments list | head -1; exit "\${PIPESTATUS:-0}"`],
        {
          env: {
            ECE_HOST: big.url,
            ECE_API_KEY: 'k',
            ECE_BIN: (await import('../helpers/e2e.js')).BIN,
          },
        },
      );
      assert.equal(r.stdout, `${'0'.repeat(32)}\tdeployment-0\t-\t-\t-\t-\t-\t-\t-\tfalse\n`);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
    } finally {
      await big.close();
    }
  });
});
