// The per-test server says what it expects (test/helpers/server.ts): an
// expected request that never came, or a handler that threw, fails the test
// with a message that says which.

import { describe, it } from 'node:test';
import { emptyListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer } from '../helpers/server.js';

describe('test server expectations', () => {
  it('met expectations (method, path, JSON body) close cleanly', async () => {
    const server = await startServer((_q, res) => json(res, 200, emptyListText), {
      expect: [{ method: 'POST', path: '/api/v1/deployments/_search', body: { size: 1 } }],
    });
    const r = await run(['api', '/deployments/_search', '-F', 'size=1'], {
      env: { ECE_HOST: server.url, ECE_API_KEY: 'k-expect' },
    });
    assert.equal(r.code, 0, r.stderr);
    await server.close();
  });

  it('an expected request that never came fails close(), naming it and what came', async () => {
    const server = await startServer((_q, res) => json(res, 200, emptyListText));
    server.expect({ method: 'POST', path: '/api/v1/deployments/_search', body: { size: 2 } });
    await run(['api', '/deployments/_search', '-F', 'size=1'], {
      env: { ECE_HOST: server.url, ECE_API_KEY: 'k-expect' },
    });
    await assert.rejects(server.close(), {
      message:
        'expected requests that never came:\nPOST /api/v1/deployments/_search {"size":2} (once, got 0)\nreceived:\nPOST /api/v1/deployments/_search {"size":1}',
    });
  });

  it("a handler that throws fails close() with the handler's message", async () => {
    const server = await startServer((q) => {
      assert.equal(q.method, 'DELETE', 'the handler wanted a DELETE');
    });
    const r = await run(['deployments', 'list', '--json'], {
      env: { ECE_HOST: server.url, ECE_API_KEY: 'k-throw' },
    });
    assert.equal(r.code, 1);
    await assert.rejects(server.close(), (e: Error) => {
      assert.match(
        e.message,
        /^the test server's handler threw:\nGET \/api\/v1\/deployments: the handler wanted a DELETE/,
      );
      return true;
    });
  });
});
