// HTTPS_PROXY / HTTP_PROXY / NO_PROXY, through a real CONNECT proxy on loopback.

import { once } from 'node:events';
import { createServer } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { emptyListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { ece } from '../helpers/e2e.js';
import { json, startServer, type TestServer } from '../helpers/server.js';
import { makePki } from '../helpers/tls.js';

async function startProxy() {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const proxy = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    tunnels,
    close: async () => {
      for (const s of sockets) s.destroy();
      proxy.close();
    },
  };
}

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
