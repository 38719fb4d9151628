// `ece sandbox` as users run it: the binary, its export lines, TLS, signals,
// and `npm run demo`'s script.

import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import assert from '../helpers/assert.js';
import { ece, sandboxProcess, spawnProc } from '../helpers/e2e.js';

describe('ece sandbox (binary)', () => {
  it('prints export lines that ece uses as they are, and stops on SIGINT with exit 0', async () => {
    const sb = await sandboxProcess(['--deployments', '4']);
    try {
      assert.match(sb.vars.ECE_HOST ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await ece(['deployments', 'list'], { env: sb.vars });
      assert.equal(r.code, 0, r.stderr);
      // The 4 asked for and the installation's 3 system deployments.
      assert.equal(r.stdout.trim().split('\n').length, 7);
      assert.match(
        sb.stderr(),
        /^ECE sandbox listening on http:\/\/127\.0\.0\.1:\d+ with 4 deployments\n {2}login: {3}admin \/ \S+ \(tokens last 900s\)\n/,
      );
    } finally {
      assert.equal(await sb.stop('SIGINT'), 0);
    }
    assert.match(sb.stderr(), /ECE sandbox stopped\.\n$/);
  });

  it('--tls: the printed CA is trusted with --ca-cert / ECE_CA_CERT, and nothing works without it', async () => {
    const sb = await sandboxProcess(['--tls']);
    try {
      assert.match(sb.vars.ECE_HOST ?? '', /^https:\/\/127\.0\.0\.1:\d+$/);
      const { ECE_CA_CERT: ca, ...rest } = sb.vars;
      const withEnv = await ece(['deployments', 'list', '--json'], { env: sb.vars });
      assert.equal(withEnv.code, 0, withEnv.stderr);
      assert.equal(JSON.parse(withEnv.stdout).deployments.length, 6);
      const withFlag = await ece(['deployments', 'list', '--ca-cert', ca ?? ''], { env: rest });
      assert.equal(withFlag.code, 0, withFlag.stderr);
      const without = await ece(['deployments', 'list'], { env: rest });
      assert.equal(without.code, 6);
      assert.match(without.stderr, /--ca-cert/);
    } finally {
      assert.equal(await sb.stop('SIGTERM'), 0);
    }
    // The CA was for this run: its directory goes when the sandbox stops.
    assert.equal(existsSync(dirname(sb.vars.ECE_CA_CERT ?? '')), false, sb.vars.ECE_CA_CERT);
  });

  it('--tls stopped by Ctrl-C (SIGINT) removes its CA directory too', async () => {
    const sb = await sandboxProcess(['--tls']);
    const ca = sb.vars.ECE_CA_CERT ?? '';
    assert.equal(existsSync(ca), true, ca);
    assert.equal(await sb.stop('SIGINT'), 0);
    assert.equal(existsSync(dirname(ca)), false, ca);
  });

  it('bad flags are usage errors', async () => {
    for (const [argv, message] of [
      [['--port', 'abc'], 'error: invalid --port "abc": use a number from 0 to 65535\n'],
      [
        ['--plan-duration', 'soon'],
        'error: invalid --plan-duration "soon": use a duration such as 30s, 2m or 1h30m\n',
      ],
      [
        ['--deployments', '-1'],
        'error: invalid --deployments "-1": use a number from 0 to 100000\n',
      ],
    ] as const) {
      const r = await ece(['sandbox', ...argv]);
      assert.deepEqual([r.code, r.stderr, r.stdout], [2, message, ''], argv.join(' '));
    }
  });

  it('a port in use is a usage error, not a stack trace', async () => {
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as { port: number };
    try {
      const r = await ece(['sandbox', '--port', String(port)]);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `error: port ${port} on 127.0.0.1 is already in use\n`);
    } finally {
      blocker.close();
    }
  });

  it("npm run demo's script prints a table of the seeded deployments and exits 0", async () => {
    const script = fileURLToPath(new URL('../../scripts/demo.mjs', import.meta.url));
    const r = await spawnProc(process.execPath, [script]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('NAME  '));
    assert.ok(header > 0, r.stdout);
    assert.match(
      lines[header] ?? '',
      /^NAME +ID +ES +KIBANA +APM +INTEGRATIONS +ENT_SEARCH +VERSION +SYSTEM$/,
    );
    assert.deepEqual(
      lines.slice(header + 1, header + 6).map((l) => l.split(/\s+/)[0]),
      [
        'admin-console-elasticsearch',
        'logging-and-metrics',
        'security-cluster',
        'prod-logs',
        'search-staging',
      ],
    );
  });
});
