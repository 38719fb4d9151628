// A real HTTP(S) server on an ephemeral loopback port that records every
// request it gets and answers with the test's handler. It says what it
// expects: close() fails the test when an expected request (method, path,
// body) never came, or when the handler threw (with the handler's message;
// the client saw an HTTP 599).

import { once } from 'node:events';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { MultipartBody, requestViolations } from './spec.js';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: Recorded, res: ServerResponse, n: number) => void | Promise<void>;

/** A request the test expects: method, path (with the query if it has one), and body. */
export interface Expectation {
  method: string;
  /** `/api/v1/deployments`; with a `?`, the query must match too; a RegExp tests the whole URL. */
  path: string | RegExp;
  /** Parsed JSON compared deeply, or the exact text. Omitted: any body. */
  body?: unknown;
  /** How many such requests must come (default 1: at least one). */
  times?: number;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` (or https). */
  url: string;
  port: number;
  requests: Recorded[];
  /** TCP connections accepted so far. */
  connections: number;
  /** Adds expectations that close() checks. */
  expect(...e: Expectation[]): void;
  close(): Promise<void>;
}

export async function startServer(
  handler: Handler,
  opts: { tls?: { key: string; cert: string }; contract?: boolean; expect?: Expectation[] } = {},
): Promise<TestServer> {
  const requests: Recorded[] = [];
  const expectations: Expectation[] = [...(opts.expect ?? [])];
  const thrown: string[] = [];
  const sockets = new Set<Socket>();
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rec: Recorded = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(rec);
    try {
      await handler(rec, res, requests.length);
    } catch (err) {
      thrown.push(`${rec.method} ${rec.url}: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.statusCode = 599;
      res.end(String(err));
    }
  };
  const server = opts.tls
    ? createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert }, listener)
    : createHttpServer(listener);
  const state = { connections: 0 };
  const onConnection = (s: Socket) => {
    state.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  server.on(opts.tls ? 'secureConnection' : 'connection', onConnection);
  if (opts.tls)
    server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    get connections() {
      return state.connections;
    },
    expect: (...e) => {
      expectations.push(...e);
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close').catch(() => undefined);
      if (thrown.length) throw new Error(`the test server's handler threw:\n${thrown.join('\n')}`);
      const unmet = unmetExpectations(expectations, requests);
      if (unmet.length)
        throw new Error(
          `expected requests that never came:\n${unmet.join('\n')}\nreceived:\n${requests.map((r) => `${r.method} ${r.url} ${r.body}`).join('\n') || '(none)'}`,
        );
      // Every request the CLI sent must be an operation of the spec with a valid body.
      if (opts.contract !== false)
        assertContract(requests.filter((r) => r.url.startsWith('/api/v1')));
    },
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/** ECE's error body, with the code repeated in x-cloud-error-codes as ECE does. */
export function eceError(res: ServerResponse, status: number, code: string, message: string): void {
  json(res, status, { errors: [{ code, message }] }, { 'x-cloud-error-codes': code });
}

/** A port that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = createHttpServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as AddressInfo;
  s.close();
  await once(s, 'close');
  return port;
}

/** Fails when a recorded request is not in the specification or its body does not validate. */
export function assertContract(
  requests: { method: string; url: string; body: unknown; headers?: IncomingMessage['headers'] }[],
): void {
  const problems = requests.flatMap((r) => {
    let body: unknown = r.body;
    if (
      typeof body === 'string' &&
      /^multipart\/form-data/i.test(r.headers?.['content-type'] ?? '')
    ) {
      body = MultipartBody.parse(body);
    } else if (typeof body === 'string') {
      if (body === '') body = undefined;
      else {
        try {
          body = JSON.parse(body);
        } catch {
          return [`${r.method} ${r.url}: the body is not JSON`];
        }
      }
    }
    return requestViolations(r.method, r.url, body).map((v) => `${r.method} ${r.url}: ${v}`);
  });
  if (problems.length)
    throw new Error(`requests that break the ECE API specification:\n${problems.join('\n')}`);
}

/** The expectations that the recorded requests do not meet, described. */
export function unmetExpectations(expected: Expectation[], requests: Recorded[]): string[] {
  return expected.flatMap((e) => {
    const times = e.times ?? 1;
    const got = requests.filter((r) => matches(e, r)).length;
    if (got >= times) return [];
    const body = e.body === undefined ? '' : ` ${JSON.stringify(e.body)}`;
    const path = typeof e.path === 'string' ? e.path : String(e.path);
    return [`${e.method} ${path}${body} (${times === 1 ? 'once' : `${times} times`}, got ${got})`];
  });
}

function matches(e: Expectation, r: Recorded): boolean {
  if (e.method.toUpperCase() !== r.method) return false;
  if (typeof e.path === 'string') {
    const url = e.path.includes('?') ? r.url : (r.url.split('?')[0] ?? '');
    if (url !== e.path) return false;
  } else if (!e.path.test(r.url)) return false;
  if (e.body === undefined) return true;
  if (typeof e.body === 'string') return r.body === e.body;
  try {
    return isDeepStrictEqual(JSON.parse(r.body), e.body);
  } catch {
    return false;
  }
}

/** `METHOD /path` (below /api/v1, no query) → status and body, or a handler. */
export type Routes = Record<
  string,
  [status: number, body: unknown] | ((req: Recorded, res: ServerResponse) => void)
>;

const open = new Set<TestServer>();

/**
 * A scripted server: each route answers as the table says, a request for any
 * other route fails the test, and close() fails it when an expected request
 * never came. Closed by `t.after` when `t` is given, else by closeAll() (in
 * afterEach) if the test did not close it.
 */
export async function serveRoutes(
  routes: Routes,
  expect: Expectation[] = [],
  t?: { after(fn: () => Promise<void>): void },
): Promise<TestServer> {
  const s = await startServer(
    (req, res) => {
      const path = (req.url.split('?')[0] ?? '').replace(/^\/api\/v1/, '');
      const route = routes[`${req.method} ${path}`];
      if (route === undefined) throw new Error(`unexpected request ${req.method} ${req.url}`);
      if (typeof route === 'function') route(req, res);
      else json(res, route[0], route[1]);
    },
    { expect },
  );
  let closing: Promise<void> | undefined;
  const close = s.close;
  s.close = () => {
    open.delete(s);
    closing ??= close();
    return closing;
  };
  open.add(s);
  t?.after(() => s.close());
  return s;
}

/** Closes every scripted server still open (their expectations checked). */
export async function closeAll(): Promise<void> {
  for (const s of [...open]) await s.close();
}
