// HTTPS_PROXY / HTTP_PROXY / NO_PROXY, through a real CONNECT proxy on loopback
// (the built binary through it: test/e2e/proxy.test.ts).

import { after, before, describe, it } from 'node:test';
import { emptyListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { startProxy } from '../helpers/proxy.js';
import { json, startServer, type TestServer } from '../helpers/server.js';
import { makePki } from '../helpers/tls.js';

describe('proxies', () => {
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let plain: TestServer;
  before(async () => {
    proxy = await startProxy();
    plain = await startServer((_q, res) => json(res, 200, emptyListText));
  });
  after(async () => {
    await proxy.close();
    await plain.close();
  });

  it('HTTP_PROXY carries plain-HTTP requests', async () => {
    const r = await run(['deployments', 'list', '--json'], {
      env: { ECE_HOST: plain.url, ECE_API_KEY: 'k', HTTP_PROXY: proxy.url },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(proxy.tunnels.splice(0), [`127.0.0.1:${plain.port}`]);
  });

  it('HTTPS_PROXY tunnels TLS, which is still verified end to end', async () => {
    const pki = await makePki();
    const secure = await startServer((_q, res) => json(res, 200, emptyListText), { tls: pki });
    try {
      const env = {
        ECE_HOST: `https://127.0.0.1:${secure.port}`,
        ECE_API_KEY: 'k',
        HTTPS_PROXY: proxy.url,
      };
      const untrusted = await run(['deployments', 'list'], { env });
      assert.equal(untrusted.code, 6);
      const trusted = await run(['deployments', 'list', '--json', '--ca-cert', pki.caFile], {
        env,
      });
      assert.equal(trusted.code, 0, trusted.stderr);
      assert.equal(trusted.stdout, `${emptyListText}\n`);
      assert.deepEqual(proxy.tunnels.splice(0), [
        `127.0.0.1:${secure.port}`,
        `127.0.0.1:${secure.port}`,
      ]);
    } finally {
      await secure.close();
    }
  });

  it('NO_PROXY bypasses the proxy', async () => {
    const r = await run(['deployments', 'list', '--json'], {
      env: { ECE_HOST: plain.url, ECE_API_KEY: 'k', HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(proxy.tunnels, []);
  });
});
