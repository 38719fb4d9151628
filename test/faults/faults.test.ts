// Faults, one row each: what the server (or the machine) does, what ece is
// asked, and what must come out: the exit code, the first line of stderr,
// how many requests the server saw, and how long it may take at most.

import { mkdirSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { deploymentsListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { closedPort, eceError, json, type Recorded, startServer } from '../helpers/server.js';
import { stopwatch } from '../helpers/time.js';
import { makePki } from '../helpers/tls.js';

type Reply = (res: ServerResponse, n: number, req: Recorded) => void;

interface Fault {
  name: string;
  /** What the server does; absent when no server is involved. */
  server?: Reply;
  tls?: 'unknown-ca' | 'wrong-name' | 'expired';
  argv?: string[];
  env?: Record<string, string>;
  stdin?: string;
  /** The host when there is no server (refused, DNS). */
  host?: () => Promise<string>;
  code: number;
  stderr: RegExp;
  requests?: number;
  /** The fault's time on a quiet machine, and the product's own bound (a --timeout) on top. */
  quietMs: number;
  plusMs?: number;
  realSleep?: boolean;
}

const list: Reply = (res) => json(res, 200, deploymentsListText);
const statusThenOk =
  (statuses: number[]): Reply =>
  (res, n, req) => {
    if (n <= statuses.length) eceError(res, statuses[n - 1] ?? 500, 'root.busy', 'busy');
    else list(res, n, req);
  };
const always =
  (status: number): Reply =>
  (res) =>
    eceError(res, status, 'root.error', `HTTP ${status} from the test`);

const FAULTS: Fault[] = [
  {
    name: 'connection refused',
    host: async () => `http://127.0.0.1:${await closedPort()}`,
    code: 6,
    stderr: /^error: connection refused by 127\.0\.0\.1:\d+/,
    quietMs: 400,
  },
  {
    name: 'unresolvable host',
    host: async () => 'https://ece-test.invalid',
    code: 6,
    stderr: /^error: cannot resolve host "ece-test\.invalid"/,
    quietMs: 1000,
  },
  {
    name: 'accepts and never answers',
    server: () => undefined,
    argv: ['--timeout', '400ms'],
    code: 6,
    stderr: /^error: no answer from http:\/\/127\.0\.0\.1:\d+ within 400ms/,
    requests: 1,
    quietMs: 320,
    plusMs: 400,
  },
  {
    name: 'headers, then a stalled body',
    server: (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"deployments": [');
    },
    argv: ['--timeout', '400ms'],
    code: 6,
    stderr: /^error: no answer from .* within 400ms/,
    requests: 1,
    quietMs: 320,
    plusMs: 400,
  },
  {
    name: 'reset mid-body, then success (GET retried)',
    server: (res, n) => {
      if (n > 1) return list(res, n, {} as Recorded);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"deployments": [');
      setTimeout(() => res.socket?.destroy(), 20);
    },
    code: 0,
    stderr: /^$/,
    requests: 2,
    quietMs: 600,
  },
  {
    name: '500 is not retried',
    server: always(500),
    code: 1,
    stderr: /^error: HTTP 500 from the test \(root\.error\)$/,
    requests: 1,
    quietMs: 200,
  },
  {
    name: '502 on every attempt',
    server: always(502),
    code: 1,
    stderr: /^error: HTTP 502 from the test/,
    requests: 4,
    quietMs: 200,
  },
  {
    name: '503 then 200',
    server: statusThenOk([503]),
    code: 0,
    stderr: /^$/,
    requests: 2,
    quietMs: 200,
  },
  {
    name: '504, 504 then 200',
    server: statusThenOk([504, 504]),
    code: 0,
    stderr: /^$/,
    requests: 3,
    quietMs: 200,
  },
  {
    name: '429 with Retry-After in seconds',
    server: (res, n) =>
      n === 1
        ? json(
            res,
            429,
            { errors: [{ code: 'root.busy', message: 'slow down' }] },
            { 'retry-after': '1' },
          )
        : list(res, n, {} as Recorded),
    realSleep: true,
    code: 0,
    stderr: /^$/,
    requests: 2,
    quietMs: 600,
  },
  {
    name: '429 with Retry-After as an HTTP date',
    server: (res, n) =>
      n === 1
        ? json(
            res,
            429,
            { errors: [{ code: 'root.busy', message: 'slow down' }] },
            { 'retry-after': new Date(Date.now() + 1000).toUTCString() },
          )
        : list(res, n, {} as Recorded),
    realSleep: true,
    code: 0,
    stderr: /^$/,
    requests: 2,
    quietMs: 800,
  },
  {
    name: 'Retry-After longer than the retry budget: no wait',
    server: (res) =>
      json(
        res,
        503,
        { errors: [{ code: 'root.busy', message: 'come back in an hour' }] },
        { 'retry-after': '3600' },
      ),
    realSleep: true,
    code: 1,
    stderr: /^error: come back in an hour \(root\.busy\)$/,
    requests: 1,
    quietMs: 400,
  },
  {
    name: 'POST answered 503 is not retried',
    server: always(503),
    argv: ['api', '-X', 'POST', '/deployments/_search', '--input', '-'],
    stdin: '{}',
    code: 1,
    stderr: /^error: HTTP 503 from the test/,
    requests: 1,
    quietMs: 200,
  },
  {
    name: 'a create with request_id answered 503 is retried',
    server: (res, n) =>
      n === 1
        ? eceError(res, 503, 'root.busy', 'busy')
        : json(res, 201, { id: 'a'.repeat(32), name: 'x', created: true, resources: [] }),
    argv: [
      'deployments',
      'create',
      '--template-id',
      'default',
      '--name',
      'x',
      '--request-id',
      'fault-request-000000000000000000000001',
    ],
    code: 0,
    stderr: /^Created deployment x/,
    requests: 2,
    quietMs: 200,
  },
  {
    name: 'truncated JSON (content-length mismatch)',
    server: (res) => {
      // 500 bytes announced, 18 sent, then the connection is closed.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"deployments": []');
      setTimeout(() => res.socket?.end(), 10);
    },
    code: 6,
    stderr:
      /^error: the (response from|connection to) 127\.0\.0\.1:\d+ (was truncated|was closed unexpectedly)/,
    requests: 4,
    quietMs: 600,
  },
  {
    name: 'invalid JSON with 200',
    server: (res) => json(res, 200, '{"deployments": [nope]}'),
    code: 1,
    stderr: /^error: unexpected response from ECE \(HTTP 200\): not JSON/,
    requests: 1,
    quietMs: 200,
  },
  {
    name: 'an HTML 502 page from a proxy',
    server: (res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    },
    code: 1,
    stderr: /^error: HTTP 502 Bad Gateway after 4 attempts: an HTML page instead of the ECE API/,
    requests: 4,
    quietMs: 200,
  },
  {
    name: 'an empty 200 body',
    server: (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end();
    },
    code: 1,
    stderr: /^error: unexpected empty response from ECE \(HTTP 200\)$/,
    requests: 1,
    quietMs: 200,
  },
  {
    name: 'a 200 MB body is refused with a clear limit',
    server: (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once('drain', pump);
        else res.end();
      };
      res.on('error', () => undefined);
      pump();
    },
    code: 1,
    stderr:
      /^error: the response from http:\/\/127\.0\.0\.1:\d+ is larger than 128 MiB; ece does not read it/,
    requests: 1,
    quietMs: 1600,
  },
  {
    name: 'a declared 200 MB body is refused before reading',
    server: (res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(200 * 1024 * 1024),
      });
      res.write('{');
    },
    code: 1,
    stderr: /larger than 128 MiB/,
    requests: 1,
    quietMs: 400,
  },
  {
    name: 'TLS: unknown CA',
    tls: 'unknown-ca',
    server: list,
    code: 6,
    stderr: /^error: the TLS certificate of 127\.0\.0\.1:\d+ is not trusted .*--ca-cert/,
    quietMs: 600,
  },
  {
    name: 'TLS: wrong host name',
    tls: 'wrong-name',
    server: list,
    code: 6,
    stderr:
      /^error: the TLS certificate of 127\.0\.0\.1:\d+ is not valid for the name "127\.0\.0\.1"/,
    quietMs: 600,
  },
  {
    name: 'TLS: expired certificate',
    tls: 'expired',
    server: list,
    code: 6,
    stderr: /^error: the TLS certificate of 127\.0\.0\.1:\d+ has expired/,
    quietMs: 600,
  },
  {
    name: '401',
    server: always(401),
    code: 4,
    stderr: /^error: HTTP 401 from the test/,
    requests: 1,
    quietMs: 200,
  },
  {
    name: '403',
    server: always(403),
    code: 4,
    stderr: /^error: HTTP 403/,
    requests: 1,
    quietMs: 200,
  },
  {
    name: '404',
    server: always(404),
    code: 3,
    stderr: /^error: HTTP 404/,
    requests: 1,
    quietMs: 200,
  },
  {
    name: '409',
    server: always(409),
    code: 5,
    stderr: /^error: HTTP 409/,
    requests: 1,
    quietMs: 200,
  },
];

describe('faults', () => {
  for (const f of FAULTS) {
    it(`${f.name} → exit ${f.code}`, async () => {
      let server: Awaited<ReturnType<typeof startServer>> | undefined;
      let env: Record<string, string> = { ECE_API_KEY: 'fault-key-0001', ...f.env };
      let caFile: string | undefined;
      if (f.server) {
        let tls: { key: string; cert: string } | undefined;
        if (f.tls) {
          const names =
            f.tls === 'wrong-name'
              ? { names: ['ece.example'], ips: [] }
              : { names: ['localhost'], ips: ['127.0.0.1'] };
          const pki = await makePki(names.names, names.ips);
          if (f.tls === 'expired') {
            const old = await makePki(names.names, names.ips, {
              notBefore: new Date(Date.now() - 3 * 86_400_000),
              notAfter: new Date(Date.now() - 86_400_000),
            });
            tls = old;
            caFile = old.caFile;
          } else {
            tls = pki;
            caFile = f.tls === 'wrong-name' ? pki.caFile : undefined;
          }
        }
        const reply = f.server;
        server = await startServer((req, res, n) => reply(res, n, req), {
          ...(tls ? { tls } : {}),
          contract: false,
        });
        env = { ECE_HOST: server.url, ...env, ...(caFile ? { ECE_CA_CERT: caFile } : {}) };
      } else if (f.host) {
        env = { ECE_HOST: await f.host(), ...env };
      }
      const clock = stopwatch();
      try {
        const r = await run(
          f.argv && f.argv[0] !== '--timeout'
            ? f.argv
            : ['deployments', 'list', '--json', ...(f.argv ?? [])],
          {
            env,
            ...(f.stdin !== undefined ? { stdin: f.stdin } : {}),
            realSleep: f.realSleep === true,
          },
        );
        assert.equal(r.code, f.code, r.stderr);
        assert.match(r.stderr.split('\n')[0] ?? '', f.stderr);
        if (f.requests !== undefined)
          assert.equal(server?.requests.length, f.requests, 'requests the server saw');
        clock.atMost(f.quietMs, f.name, f.plusMs);
      } finally {
        await server?.close();
      }
    });
  }

  it('a redirect to another origin does not carry the Authorization header', async () => {
    const other = await startServer((_q, res) => json(res, 200, deploymentsListText), {
      contract: false,
    });
    const first = await startServer(
      (_q, res) => {
        res.writeHead(307, { location: `${other.url}/api/v1/deployments` });
        res.end();
      },
      { contract: false },
    );
    try {
      const r = await run(['deployments', 'list', '--json'], {
        env: { ECE_HOST: first.url, ECE_API_KEY: 'redirect-key-01' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(first.requests[0]?.headers.authorization, 'ApiKey redirect-key-01');
      assert.equal(other.requests.length, 1);
      assert.equal(other.requests[0]?.headers.authorization, undefined);
    } finally {
      await first.close();
      await other.close();
    }
  });

  it('input files: bad JSON (file:line:column), binary garbage, empty', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const cases: [string, string | Buffer, RegExp][] = [
      [
        'bad.json',
        '{"name": "x",\n  "resources": [}',
        /^error: .+bad\.json:2:17: invalid JSON: unexpected "}"; expected a value$/,
      ],
      [
        'garbage.bin',
        Buffer.from([0xde, 0xad, 0x00, 0xbe, 0xef]),
        /^error: .+garbage\.bin is not a text file$/,
      ],
      ['empty.json', '', /^error: .+empty\.json is empty$/],
    ];
    for (const [name, content, stderr] of cases) {
      writeFileSync(join(dir, name), content);
      const clock = stopwatch();
      const r = await run(['deployments', 'create', '-f', join(dir, name)], {
        env: { ECE_HOST: 'http://127.0.0.1:9', ECE_API_KEY: 'k' },
      });
      assert.equal(r.code, 2, name);
      assert.match(r.stderr.split('\n')[0] ?? '', stderr);
      clock.atMost(200, `refusing ${name}`);
    }
  });

  it('prompts with stdin closed fail at once instead of waiting', async () => {
    for (const argv of [
      ['login', '--host', 'http://127.0.0.1:9'],
      ['deployments', 'delete', 'x'],
      ['users', 'create', 'x', '--role', 'ece_platform_viewer'],
    ]) {
      const clock = stopwatch();
      const r = await run(argv, { env: { ECE_HOST: 'http://127.0.0.1:9', ECE_API_KEY: 'k' } });
      assert.equal(r.code, 2, argv.join(' '));
      clock.atMost(200, `${argv.join(' ')} with stdin closed`);
    }
  });
});
