// Redirects (DESIGN.md): never to another origin for a request with a body,
// never from https to http; a refused redirect is exit 6 naming both origins;
// the other origin sees no body and no credential. Two real servers each.

import { describe, it } from 'node:test';
import { deploymentsListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { registerSecret } from '../helpers/secrets.js';
import { json, startServer, type TestServer } from '../helpers/server.js';
import { makePki } from '../helpers/tls.js';

const PASSWORD = 'redirect-test-password-1';
const TOKEN = 'eyJhbGciOiJub25lIn0.eyJleHAiOjQxMDI0NDQ4MDB9.sig-redirect';

async function redirecting(status: number, to: () => string): Promise<TestServer> {
  return startServer(
    (q, res) => {
      res.writeHead(status, { location: `${to()}${q.url}` });
      res.end();
    },
    { contract: false },
  );
}

describe('redirects', () => {
  for (const status of [307, 308]) {
    it(`POST /users/auth/_login answered ${status} to another origin: exit 6, the password never leaves`, async () => {
      registerSecret(PASSWORD);
      const other = await startServer((_q, res) => json(res, 200, { token: TOKEN }), {
        contract: false,
      });
      const first = await redirecting(status, () => other.url);
      try {
        const r = await run(
          ['login', '--host', first.url, '-u', 'admin', '--password-stdin', '--insecure-storage'],
          { env: { ECE_CONFIG_DIR: tempDir('ece-config-') }, stdin: PASSWORD },
        );
        assert.equal(r.code, 6);
        assert.equal(
          r.stderr,
          `error: refused a redirect from ${first.url} to ${other.url}: ece never sends a request body to another origin (POST /api/v1/users/auth/_login)\n`,
        );
        assert.equal(r.stdout, '');
        assert.equal(first.requests.length, 1);
        assert.equal(other.requests.length, 0);
      } finally {
        await first.close();
        await other.close();
      }
    });
  }

  it('a same-origin 307 on a POST is followed with its body and credential', async () => {
    const server = await startServer(
      (q, res) => {
        if (q.url === '/api/v1/deployments/_search') {
          res.writeHead(307, { location: '/api/v1/deployments/_search?moved=1' });
          res.end();
        } else json(res, 200, deploymentsListText);
      },
      { contract: false },
    );
    try {
      const r = await run(['api', '/deployments/_search', '-F', 'size=1'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'k-same-origin' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(server.requests.length, 2);
      const second = server.requests[1];
      assert.equal(second?.method, 'POST');
      assert.equal(second?.url, '/api/v1/deployments/_search?moved=1');
      assert.equal(second?.body, '{"size":1}');
      assert.equal(second?.headers.authorization, 'ApiKey k-same-origin');
    } finally {
      await server.close();
    }
  });

  it('a GET redirected to another origin is followed without the credential', async () => {
    const other = await startServer((_q, res) => json(res, 200, deploymentsListText), {
      contract: false,
    });
    const first = await redirecting(302, () => other.url);
    try {
      const r = await run(['deployments', 'list', '--json'], {
        env: { ECE_HOST: first.url, ECE_API_KEY: 'k-cross-get' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(other.requests.length, 1);
      assert.equal(other.requests[0]?.headers.authorization, undefined);
      assert.equal(other.requests[0]?.body, '');
    } finally {
      await first.close();
      await other.close();
    }
  });

  it('https → http is never followed, even for a GET: exit 6 naming both origins', async () => {
    const pki = await makePki();
    const plain = await startServer((_q, res) => json(res, 200, deploymentsListText), {
      contract: false,
    });
    const secure = await startServer(
      (q, res) => {
        res.writeHead(301, { location: `${plain.url}${q.url}` });
        res.end();
      },
      { tls: pki, contract: false },
    );
    try {
      const r = await run(['deployments', 'list', '--json', '--ca-cert', pki.caFile], {
        env: { ECE_HOST: secure.url, ECE_API_KEY: 'k-downgrade' },
      });
      assert.equal(r.code, 6);
      assert.equal(
        r.stderr,
        `error: refused a redirect from ${secure.url} to ${plain.url}: ece never follows a redirect from https to http\n`,
      );
      assert.equal(plain.requests.length, 0);
    } finally {
      await secure.close();
      await plain.close();
    }
  });
});
