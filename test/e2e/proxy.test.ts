// The built binary through a real CONNECT proxy to a TLS server (the
// in-process proxy cases are in test/api/proxy.test.ts).

import { after, before, describe, it } from 'node:test';
import { emptyListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { ece } from '../helpers/e2e.js';
import { startProxy } from '../helpers/proxy.js';
import { json, startServer } from '../helpers/server.js';
import { makePki } from '../helpers/tls.js';

describe('proxies (built binary)', () => {
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  before(async () => {
    proxy = await startProxy();
  });
  after(() => proxy.close());

  it('the built binary (bin/ece.js) goes through a real CONNECT proxy to a TLS server', async () => {
    const pki = await makePki();
    const secure = await startServer((_q, res) => json(res, 200, emptyListText), { tls: pki });
    try {
      const r = await ece(['deployments', 'list', '--json', '--ca-cert', pki.caFile], {
        env: {
          ECE_HOST: `https://127.0.0.1:${secure.port}`,
          ECE_API_KEY: 'k-e2e-proxy',
          HTTPS_PROXY: proxy.url,
        },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${emptyListText}\n`);
      assert.equal(r.stderr, '');
      assert.deepEqual(proxy.tunnels.splice(0), [`127.0.0.1:${secure.port}`]);
      assert.equal(secure.requests[0]?.headers.authorization, 'ApiKey k-e2e-proxy');
    } finally {
      await secure.close();
    }
  });
});
