// The wire: one undici dispatcher per client (one kept-alive connection per
// origin), TLS settings and CA, HTTP(S)_PROXY, the response size limit. One
// call sends one request and reads its whole body; it knows whether the
// request reached the server (a write that never left can be sent again) and
// it gives up the moment the caller's signal aborts, even in the middle of a
// TLS handshake or a proxy CONNECT that undici would otherwise keep trying.

import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import type { Dispatcher } from 'undici';
import { ResponseError, UsageError } from '../errors.js';
import { cjs } from '../interop.js';
import type { ApiResponse } from './body.js';
import { directConnector, type TlsOptions } from './connector.js';
import type { Endpoint } from './host.js';
import { FileBody } from './multipart.js';

export interface TransportOptions {
  endpoint: Endpoint;
  caCert?: string | undefined;
  insecure?: boolean | undefined;
  env: Record<string, string | undefined>;
  /** undici's own connect/headers/body timers; the caller's signal is the real deadline. */
  timeoutMs: number;
}

export interface Outgoing {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** A FileBody is streamed from disk, opened afresh for this attempt. */
  body: string | FileBody | undefined;
}

/** A failed exchange: the underlying error, and whether any byte of the request was written. */
export class SendFailure extends Error {
  constructor(
    readonly error: unknown,
    readonly sent: boolean,
  ) {
    super(error instanceof Error ? error.message : String(error));
    this.name = 'SendFailure';
  }
}

/**
 * Where a download's 2xx body goes instead of memory: told the status and
 * headers first, then each chunk as it arrives.
 */
export interface BodySink {
  start(status: number, headers: Record<string, string>): void;
  write(chunk: Buffer): void;
}

/** The largest response body read; ECE's largest answers are far below it. */
export const MAX_BODY_BYTES = 128 * 1024 * 1024;

const CONNECT_ERROR_CHANNEL = 'undici:client:connectError';

export class Transport {
  private dispatcher: Dispatcher | undefined;
  private readonly connecting = new Set<Socket>();
  /** Requests (by their options object) that reached a connected socket. */
  private readonly sent = new WeakSet<object>();

  constructor(private readonly opts: TransportOptions) {}

  /** Sends one request and reads its body; throws SendFailure. */
  async send(out: Outgoing, signal: AbortSignal, sink?: BodySink): Promise<ApiResponse> {
    const dispatcher = await this.getDispatcher();
    // undici keeps reconnecting while a connection attempt fails with a
    // socket error (a proxy that closes every CONNECT: thousands a second),
    // and a request still waiting for its connection ignores its signal.
    // Either way this attempt ends here, and the retry layer decides.
    const attempt = new AbortController();
    const target = new URL(out.url);
    const onConnectError = (message: unknown) => {
      const m = message as { connectParams?: { hostname?: string }; error?: unknown };
      const host = m.connectParams?.hostname?.replace(/^\[|\]$/g, '');
      if (host === undefined || host === target.hostname.replace(/^\[|\]$/g, ''))
        attempt.abort(new ConnectFailure(m.error));
    };
    subscribe(CONNECT_ERROR_CHANNEL, onConnectError);
    const combined = AbortSignal.any([signal, attempt.signal]);
    const reqOpts = {
      ...splitUrl(out.url),
      method: out.method as Dispatcher.HttpMethod,
      headers: out.headers,
      body: out.body instanceof FileBody ? out.body.open() : out.body,
      signal: combined,
      headersTimeout: this.opts.timeoutMs,
      bodyTimeout: this.opts.timeoutMs,
    };
    try {
      const pending = dispatcher.request(reqOpts);
      pending.catch(() => undefined);
      const res = await untilAborted(pending, combined);
      const headers = flatHeaders(res.headers);
      if (sink && res.statusCode >= 200 && res.statusCode < 300) {
        sink.start(res.statusCode, headers);
        for await (const chunk of res.body) sink.write(chunk as Buffer);
        return { status: res.statusCode, headers, text: '', url: out.url };
      }
      const bytes = await readLimited(res, this.opts.endpoint);
      return {
        status: res.statusCode,
        headers,
        text: bytes.toString('utf8'),
        bytes,
        url: out.url,
      };
    } catch (err) {
      const sent = this.sent.has(reqOpts);
      if (!sent) {
        // Nothing reached the server: drop the connection attempt so that it
        // stops in the background and a retry connects afresh (not awaited:
        // Ctrl-C and the deadline end the run at once).
        this.reset();
      }
      const reason = attempt.signal.aborted ? (attempt.signal.reason as ConnectFailure).error : err;
      throw new SendFailure(reason, sent);
    } finally {
      unsubscribe(CONNECT_ERROR_CHANNEL, onConnectError);
    }
  }

  /** The proxy a request to `url` goes through (HTTP(S)_PROXY less NO_PROXY), if any. */
  proxyFor(url: string): string | undefined {
    const { env } = this.opts;
    const u = new URL(url);
    const proxy =
      u.protocol === 'https:'
        ? env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy
        : env.HTTP_PROXY || env.http_proxy;
    if (!proxy) return undefined;
    const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    const bypass = (env.NO_PROXY || env.no_proxy || '')
      .split(/[,\s]+/)
      .filter(Boolean)
      .some((entry) => {
        if (entry === '*') return true;
        const [name = '', p] = entry
          .toLowerCase()
          .replace(/^\*?\./, '')
          .split(':');
        if (p && p !== port) return false;
        return host === name || host.endsWith(`.${name}`);
      });
    if (bypass) return undefined;
    // Only the origin: a proxy URL may carry a user and password.
    try {
      const origin = new URL(proxy).origin;
      if (origin !== 'null') return origin;
    } catch {
      // not a URL: shown without anything up to an @
    }
    return proxy.replace(/^.*@/, '').replace(/\/+$/, '');
  }

  /** Closes kept-alive connections so the process can exit at once. */
  async close(): Promise<void> {
    const d = this.dispatcher;
    this.dispatcher = undefined;
    if (d) await d.close().catch(() => undefined);
  }

  private reset(): void {
    const d = this.dispatcher;
    this.dispatcher = undefined;
    // A socket still connecting (a TLS handshake that never ends) belongs to
    // no undici client yet: it would keep the process alive until its own timer.
    for (const s of this.connecting) s.destroy();
    this.connecting.clear();
    d?.destroy().catch(() => undefined);
  }

  private async getDispatcher(): Promise<Dispatcher> {
    if (this.dispatcher) return this.dispatcher;
    const { Agent, EnvHttpProxyAgent } = await loadUndici();
    const { caCert, insecure, env, timeoutMs } = this.opts;
    const tls: TlsOptions = {
      rejectUnauthorized: insecure !== true,
      timeout: timeoutMs,
      // node:tls loads with the first HTTPS connection, not for plain HTTP.
      ...(caCert ? { ca: [...(await import('node:tls')).rootCertificates, readCa(caCert)] } : {}),
    };
    const httpProxy = env.HTTP_PROXY || env.http_proxy || '';
    const httpsProxy = env.HTTPS_PROXY || env.https_proxy || '';
    // One connection per origin: a CLI's requests are sequential, and paging
    // through a search must not open a socket per page.
    const base: Dispatcher =
      httpProxy || httpsProxy
        ? new EnvHttpProxyAgent({
            httpProxy,
            httpsProxy,
            noProxy: env.NO_PROXY || env.no_proxy || '',
            // Direct connections (NO_PROXY); the tunnels are the proxy agent's own.
            connect: directConnector(tls, this.connecting),
            requestTls: tls,
            proxyTls: tls,
            connections: 1,
          })
        : new Agent({ connect: directConnector(tls, this.connecting), connections: 1 });
    this.dispatcher = base.compose(this.trackSent());
    return this.dispatcher;
  }

  /** An interceptor that notes when a request is handed a connected socket (undici writes it next). */
  private trackSent(): Dispatcher.DispatcherComposeInterceptor {
    const sent = this.sent;
    return (dispatch) => (opts, handler) => {
      const mark = (name: string) => name === 'onConnect' || name === 'onRequestStart';
      const tracked = new Proxy(handler, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (typeof prop === 'string' && mark(prop)) sent.add(opts);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      return dispatch(opts, tracked);
    };
  }
}

class ConnectFailure {
  constructor(readonly error: unknown) {}
}

/** The promise, or the signal's reason as soon as it aborts. */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * undici through its public entry only (STYLE.md, habit 13): its private
 * files would load less (docs/performance.md has the figures), but nothing
 * promises they keep their names or shapes from one release to the next.
 */
async function loadUndici() {
  return cjs(await import('undici'));
}

/** The body's bytes, refused (not buffered) past MAX_BODY_BYTES. */
async function readLimited(res: Dispatcher.ResponseData, endpoint: Endpoint): Promise<Buffer> {
  const tooLarge = () =>
    new ResponseError(
      `the response from ${endpoint.origin} is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; ece does not read it (narrow the request, e.g. with a search size)`,
    );
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    res.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      res.body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** `https://host:port/path?q` → origin and the path as built (never normalised). */
function splitUrl(url: string): { origin: string; path: string } {
  const m = /^(https?:\/\/[^/?#]+)(.*)$/i.exec(url);
  return { origin: m?.[1] ?? url, path: m?.[2] || '/' };
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function readCa(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `cannot read CA certificate ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError(`${file} is not a PEM certificate (expected -----BEGIN CERTIFICATE-----)`);
  }
  return pem;
}
