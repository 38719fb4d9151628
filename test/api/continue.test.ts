// An unsolicited `100 Continue` before the real answer is ignored (issue 14,
// item 8): a raw socket server writes the bytes itself.

import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { createServer as createTlsServer } from 'node:tls';
import { deploymentsListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { makePki } from '../helpers/tls.js';

/** Answers every request head with `before` (written as separate pieces), then a 200. */
async function rawHttp(pieces: (body: string) => string[], tls?: { key: string; cert: string }) {
  const sockets = new Set<Socket>();
  let requests = 0;
  const onSocket = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    let buffered = '';
    s.on('data', async (d) => {
      buffered += d.toString('latin1');
      while (buffered.includes('\r\n\r\n')) {
        buffered = buffered.slice(buffered.indexOf('\r\n\r\n') + 4);
        requests++;
        for (const p of pieces(deploymentsListText)) {
          s.write(p);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    });
  };
  const server = tls ? createTlsServer(tls, onSocket) : createServer(onSocket);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return requests;
    },
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

const ok = (body: string) =>
  `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe('100 Continue', () => {
  const cases: [string, (body: string) => string[]][] = [
    ['in a packet of its own', (b) => ['HTTP/1.1 100 Continue\r\n\r\n', ok(b)]],
    ['in the same packet as the answer', (b) => [`HTTP/1.1 100 Continue\r\n\r\n${ok(b)}`]],
    [
      'twice, split mid-line, with a header',
      (b) => ['HTTP/1.1 10', '0 Continue\r\nx-a: 1\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n', ok(b)],
    ],
  ];
  for (const [name, pieces] of cases) {
    it(`an unsolicited 100 ${name} is ignored: one request, the real answer`, async () => {
      const server = await rawHttp(pieces);
      try {
        const r = await run(['deployments', 'list', '--json'], {
          env: { ECE_HOST: server.url, ECE_API_KEY: 'k-continue' },
        });
        assert.equal(r.stderr, '');
        assert.equal(r.code, 0);
        assert.equal(r.stdout, deploymentsListText);
        assert.equal(server.requests, 1);
      } finally {
        server.close();
      }
    });
  }

  it('over TLS too', async () => {
    const pki = await makePki();
    const server = await rawHttp((b) => ['HTTP/1.1 100 Continue\r\n\r\n', ok(b)], pki);
    try {
      const r = await run(['deployments', 'list', '--json', '--ca-cert', pki.caFile], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'k-continue-tls' },
      });
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      assert.equal(r.stdout, deploymentsListText);
      assert.equal(server.requests, 1);
    } finally {
      server.close();
    }
  });
});
