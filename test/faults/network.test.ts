// Deadlines that hold and writes that are never retried blindly, in-process
// (Ctrl-C as the signal src/main.ts aborts on SIGINT; the binary's own
// SIGINT handling is in test/e2e/faults-process.test.ts) against servers that
// control every byte: a proxy that drops
// every CONNECT, a TLS port that never answers its handshake, a server that
// resets a POST it has read (docs/reliability.md, "Retries and deadlines").

import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, connect, createServer as createTcpServer, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ApiClient } from '../../src/api/client.js';
import { parseHost } from '../../src/api/host.js';
import { NetworkError } from '../../src/errors.js';
import { emptyListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer } from '../helpers/server.js';
import { type Stopwatch, stopwatch } from '../helpers/time.js';

const firstLine = (s: string) => s.split('\n')[0] ?? '';

/** A TCP server that accepts and then does `onSocket` (nothing: a silent port). */
async function rawServer(onSocket: (s: Socket) => void = () => undefined) {
  const sockets = new Set<Socket>();
  const server = createTcpServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    onSocket(s);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    get accepted() {
      return sockets.size;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

/** An HTTP proxy that closes every CONNECT (or the first `drop` of them, then tunnels). */
async function droppingProxy(drop = Number.POSITIVE_INFINITY) {
  let connects = 0;
  const sockets = new Set<Socket>();
  const proxy = createHttpServer((_q, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    connects++;
    sockets.add(client);
    client.on('error', () => undefined);
    client.on('close', () => sockets.delete(client));
    if (connects <= drop) {
      client.destroy();
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => undefined);
    upstream.on('close', () => sockets.delete(upstream));
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    get connects() {
      return connects;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      proxy.close();
    },
  };
}

describe('deadlines', () => {
  let proxy: Awaited<ReturnType<typeof droppingProxy>>;
  let silent: Awaited<ReturnType<typeof rawServer>>;
  before(async () => {
    proxy = await droppingProxy();
    silent = await rawServer();
  });
  after(async () => {
    await proxy.close();
    await silent.close();
  });

  it('--timeout 3s through a proxy that drops every CONNECT: exit 6 within 5 s, few CONNECTs', async () => {
    const before = proxy.connects;
    const clock = stopwatch();
    const r = await run(['deployments', 'list', '--timeout', '3s'], {
      env: {
        ECE_HOST: 'https://127.0.0.1:9',
        ECE_API_KEY: 'k-proxy-drop-1',
        HTTPS_PROXY: proxy.url,
      },
      realSleep: true,
    });
    assert.equal(r.code, 6, r.stderr);
    clock.atMost(1_000, 'the 3s deadline', 3_000);
    // Either the attempts ran out (each backed off) or the deadline came first.
    assert.match(
      firstLine(r.stderr),
      new RegExp(
        `^error: (the connection to 127\\.0\\.0\\.1:9 was closed unexpectedly \\(UND_ERR_SOCKET\\), through the proxy ${proxy.url} \\(it opened no tunnel to 127\\.0\\.0\\.1:9\\); gave up after \\d+ attempts|no answer from https://127\\.0\\.0\\.1:9 within 3s \\(raise it with --timeout\\)(; the last attempt: .*)?)$`,
      ),
    );
    const connects = proxy.connects - before;
    assert.ok(connects >= 2 && connects <= 12, `${connects} CONNECTs: retried with backoff`);
  });

  it('--timeout 2s against a TLS port that never answers the handshake: exit 6 within 4 s', async () => {
    const clock = stopwatch();
    const r = await run(['deployments', 'list', '--timeout', '2s'], {
      env: { ECE_HOST: `https://127.0.0.1:${silent.port}`, ECE_API_KEY: 'k-silent-tls-1' },
      realSleep: true,
    });
    assert.equal(r.code, 6, r.stderr);
    clock.atMost(400, 'the 2s deadline', 2_000);
    assert.equal(
      r.stderr,
      `error: no answer from https://127.0.0.1:${silent.port} within 2s (raise it with --timeout)\n`,
    );
  });

  for (const which of ['proxy', 'silent TLS'] as const) {
    it(`one SIGINT ends the run with 130 within 1 s (${which})`, async () => {
      let signalled: Stopwatch | undefined;
      const env: Record<string, string> =
        which === 'proxy'
          ? { ECE_HOST: 'https://127.0.0.1:9', ECE_API_KEY: 'k-int-1', HTTPS_PROXY: proxy.url }
          : { ECE_HOST: `https://127.0.0.1:${silent.port}`, ECE_API_KEY: 'k-int-2' };
      // Ctrl-C once the run is inside its request.
      const ctrlC = new AbortController();
      const timer = setTimeout(() => {
        signalled = stopwatch();
        ctrlC.abort();
      }, 300);
      const r = await run(['deployments', 'list', '--timeout', '60s'], {
        env,
        realSleep: true,
        signal: ctrlC.signal,
      }).finally(() => clearTimeout(timer));
      assert.equal(r.code, 130, r.stderr);
      assert.equal(r.stderr, 'error: interrupted\n');
      assert.ok(signalled, 'the child was never signalled');
      signalled.atMost(200, 'ending after Ctrl-C');
    });
  }
});

describe('proxy failures name the proxy', () => {
  it('a proxy that refuses connections (its password not shown)', async () => {
    const { closedPort } = await import('../helpers/server.js');
    const port = await closedPort();
    const r = await run(['deployments', 'list'], {
      env: {
        ECE_HOST: 'https://127.0.0.1:9',
        ECE_API_KEY: 'k-proxy-refused',
        // The proxy's password is never shown.
        HTTPS_PROXY: `http://user:proxy-pw-1@127.0.0.1:${port}/`,
      },
    });
    assert.equal(r.code, 6);
    assert.equal(
      r.stderr,
      `error: connection refused by the proxy http://127.0.0.1:${port}; check HTTPS_PROXY / HTTP_PROXY\n`,
    );
  });

  it('NO_PROXY: a direct failure does not blame the proxy', async () => {
    const { closedPort } = await import('../helpers/server.js');
    const port = await closedPort();
    const r = await run(['deployments', 'list'], {
      env: {
        ECE_HOST: `https://127.0.0.1:${port}`,
        ECE_API_KEY: 'k-proxy-bypassed',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        NO_PROXY: 'localhost,127.0.0.1',
      },
    });
    assert.equal(r.code, 6);
    assert.match(r.stderr, /^error: connection refused by 127\.0\.0\.1:\d+; is ECE running there/);
  });
});

describe('writes are never retried blindly', () => {
  it("a POST answered 503 is sent once: exit 1, ECE's message and how to check", async () => {
    const server = await startServer(
      (_q, res) => json(res, 503, { errors: [{ code: 'root.busy', message: 'busy' }] }),
      { contract: false },
    );
    try {
      const r = await run(['api', '-X', 'POST', '/deployments', '-f', 'name=x'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'k-post-503' },
      });
      assert.equal(r.code, 1);
      assert.equal(server.requests.length, 1);
      assert.equal(
        r.stderr,
        'error: busy (root.busy)\n' +
          "hint: POST /api/v1/deployments may or may not have taken effect in ECE; check the current state (e.g. with the matching show or list command, or 'ece api /api/v1/deployments') before sending it again\n",
      );
    } finally {
      await server.close();
    }
  });

  it('the pages of --paginate are reads: retried on 503', async () => {
    const server = await startServer((_q, res, n) =>
      n === 1
        ? json(res, 503, { errors: [{ code: 'root.busy', message: 'busy' }] })
        : json(res, 200, emptyListText),
    );
    try {
      const r = await run(['api', '/deployments/_search', '-F', 'size=1', '--paginate'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'k-search-503' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(server.requests.length, 2);
    } finally {
      await server.close();
    }
  });

  it('a POST whose connection is reset after it was read: one request, exit 6, outcome unknown', async () => {
    const server = await startServer(
      (_q, res) => {
        res.socket?.destroy();
      },
      { contract: false },
    );
    try {
      const r = await run(['api', '-X', 'POST', '/deployments', '-f', 'name=x'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'k-post-reset' },
      });
      assert.equal(r.code, 6);
      assert.equal(server.requests.length, 1);
      assert.deepEqual(r.sleeps, []);
      const where = `127.0.0.1:${server.port}`;
      assert.equal(
        r.stderr,
        `error: the connection to ${where} was closed unexpectedly (UND_ERR_SOCKET); the request had been sent, so its outcome is unknown\n` +
          "hint: POST /api/v1/deployments may or may not have taken effect in ECE; check the current state (e.g. with the matching show or list command, or 'ece api /api/v1/deployments') before sending it again\n",
      );
    } finally {
      await server.close();
    }
  });

  it('a POST whose proxy CONNECT failed (nothing sent) is retried and succeeds', async () => {
    const flaky = await droppingProxy(2);
    const pki = await (await import('../helpers/tls.js')).makePki();
    const server = await startServer((_q, res) => json(res, 200, emptyListText), { tls: pki });
    try {
      const client = new ApiClient({
        endpoint: parseHost(server.url),
        credential: { type: 'apikey', secret: 'k-flaky', source: 'test' },
        userAgent: 't',
        timeoutMs: 5_000,
        caCert: pki.caFile,
        env: { HTTPS_PROXY: flaky.url },
        sleep: async () => undefined,
      });
      const res = await client.request({
        method: 'POST',
        path: '/deployments/_search',
        body: { size: 1 },
      });
      await client.close();
      assert.equal(res.status, 200);
      assert.equal(flaky.connects, 3);
      assert.equal(server.requests.length, 1);
    } finally {
      await flaky.close();
      await server.close();
    }
  });

  it('retry: false makes a single attempt (the plan poller paces itself)', async () => {
    const server = await startServer((_q, res) => json(res, 503, { errors: [] }));
    try {
      const client = new ApiClient({
        endpoint: parseHost(server.url),
        credential: { type: 'apikey', secret: 'k-once', source: 'test' },
        userAgent: 't',
        timeoutMs: 5_000,
        env: {},
        sleep: async () => undefined,
      });
      await assert.rejects(client.request({ path: '/platform', retry: false }), {
        status: 503,
      });
      await client.close();
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });

  it('a failed CONNECT is a NetworkError, not a crash, when every attempt fails', async () => {
    const dead = await droppingProxy();
    try {
      const client = new ApiClient({
        endpoint: parseHost('https://127.0.0.1:9'),
        credential: undefined,
        userAgent: 't',
        timeoutMs: 5_000,
        env: { HTTPS_PROXY: dead.url },
        maxAttempts: 3,
        sleep: async () => undefined,
      });
      await assert.rejects(client.request({ path: '/platform' }), (e) => e instanceof NetworkError);
      await client.close();
      assert.equal(dead.connects, 3);
    } finally {
      await dead.close();
    }
  });
});
