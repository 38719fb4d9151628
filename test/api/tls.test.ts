// Real TLS on loopback with a generated CA: verified by default, trusted
// with --ca-cert, skipped (with a warning) with -k.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { emptyListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/server.js';
import { makePki, type TestPki } from '../helpers/tls.js';

describe('TLS', () => {
  let pki: TestPki;
  let server: TestServer;
  let host: string;
  before(async () => {
    pki = await makePki(['localhost'], ['127.0.0.1']);
    server = await startServer((_req, res) => json(res, 200, emptyListText), { tls: pki });
    host = `https://127.0.0.1:${server.port}`;
  });
  after(() => server.close());

  const env = () => ({ ECE_HOST: host, ECE_API_KEY: 'tls-key' });

  it('verifies by default: an unknown CA is exit 6 and the message names --ca-cert', async () => {
    const r = await run(['deployments', 'list', '--json'], { env: env() });
    assert.equal(r.code, 6);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /^error: the TLS certificate of 127\.0\.0\.1:\d+ is not trusted \(.+\); pass --ca-cert FILE \(or ECE_CA_CERT\) with your ECE CA certificate, or --insecure to skip verification\n$/,
    );
  });

  it('--ca-cert trusts the CA', async () => {
    const r = await run(['deployments', 'list', '--json', '--ca-cert', pki.caFile], { env: env() });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${emptyListText}\n`);
  });

  it('ECE_CA_CERT trusts the CA', async () => {
    const r = await run(['deployments', 'list', '--json'], {
      env: { ...env(), ECE_CA_CERT: pki.caFile },
    });
    assert.equal(r.code, 0, r.stderr);
  });

  it('-k succeeds and warns on stderr', async () => {
    const r = await run(['deployments', 'list', '--json', '-k'], { env: env() });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${emptyListText}\n`);
    assert.equal(
      r.stderr,
      'warning: TLS certificate verification is disabled (--insecure); the connection can be intercepted\n',
    );
  });

  it('ECE_INSECURE=1 behaves like -k; ECE_INSECURE=0 does not', async () => {
    const on = await run(['deployments', 'list', '--json'], {
      env: { ...env(), ECE_INSECURE: '1' },
    });
    assert.equal(on.code, 0);
    assert.match(on.stderr, /^warning: TLS certificate verification is disabled/);
    const off = await run(['deployments', 'list', '--json'], {
      env: { ...env(), ECE_INSECURE: '0' },
    });
    assert.equal(off.code, 6);
  });

  it('a host name the certificate does not list is exit 6 naming the cause', async () => {
    const other = await makePki(['ece.example'], []);
    const s = await startServer((_req, res) => json(res, 200, emptyListText), { tls: other });
    try {
      const r = await run(['deployments', 'list', '--json', '--ca-cert', other.caFile], {
        env: { ECE_HOST: `https://localhost:${s.port}`, ECE_API_KEY: 'k' },
      });
      assert.equal(r.code, 6);
      assert.match(
        r.stderr,
        /^error: the TLS certificate of localhost:\d+ is not valid for the name "localhost"/,
      );
    } finally {
      await s.close();
    }
  });

  it('a missing or non-PEM --ca-cert file is a usage error', async () => {
    const missing = await run(['deployments', 'list', '--ca-cert', '/nonexistent/ca.pem'], {
      env: env(),
    });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'error: cannot read CA certificate /nonexistent/ca.pem: ENOENT\n');
    const file = join(tempDir(), 'not-a-cert.txt');
    writeFileSync(file, 'hello');
    const bad = await run(['deployments', 'list', '--ca-cert', file], { env: env() });
    assert.equal(bad.code, 2);
    assert.equal(
      bad.stderr,
      `error: ${file} is not a PEM certificate (expected -----BEGIN CERTIFICATE-----)\n`,
    );
  });

  it('https to a plain-HTTP server explains the mismatch', async () => {
    const plain = await startServer((_req, res) => json(res, 200, emptyListText));
    try {
      const r = await run(['deployments', 'list'], {
        env: { ECE_HOST: `https://127.0.0.1:${plain.port}`, ECE_API_KEY: 'k' },
      });
      assert.equal(r.code, 6);
      assert.match(
        r.stderr,
        /^error: TLS handshake with 127\.0\.0\.1:\d+ failed .*use http:\/\/127\.0\.0\.1:\d+\n$/,
      );
    } finally {
      await plain.close();
    }
  });
});
