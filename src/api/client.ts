// The HTTP layer on undici: base URL, Authorization, TLS, proxies, timeouts,
// retries with backoff, redirects that never carry credentials to another
// origin, ECE error bodies → ApiError, --verbose traces, --dry-run. It never
// prints results; traces and dry-run lines go to the streams it is given.

import { readFileSync } from 'node:fs';
import type { Dispatcher } from 'undici';
import { authorizationHeader, type Credential } from '../auth/credentials.js';
import { formatDuration } from '../duration.js';
import {
  ApiError,
  DryRunComplete,
  type EceErrorElement,
  InterruptedError,
  NetworkError,
  ResponseError,
  UsageError,
} from '../errors.js';
import { cjs } from '../interop.js';
import type { OutStream } from '../output/iostreams.js';
import { sleep } from '../sleep.js';
import { type ApiResponse, describeNonJson, parseBody } from './body.js';
import { toCurl } from './curl.js';
import type { Endpoint } from './host.js';
import { networkError } from './neterrors.js';
import { redactBody, redactHeader, redactLiterals } from './redact.js';

/** How a stored bearer session stays valid; see auth/session.ts. */
export interface SessionHooks {
  /** Before a request: the credential to use, renewed if close to expiry. */
  before(client: ApiClient, credential: Credential): Promise<Credential>;
  /** After a 401: a renewed credential to retry once with, or undefined. */
  unauthorized(client: ApiClient, credential: Credential): Promise<Credential | undefined>;
}

export interface ClientOptions {
  endpoint: Endpoint;
  credential: Credential | undefined;
  session?: SessionHooks | undefined;
  userAgent: string;
  timeoutMs: number;
  caCert?: string | undefined;
  insecure?: boolean;
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  /** Where --verbose traces go; undefined when not verbose. */
  trace?: OutStream | undefined;
  /** Where --dry-run prints its curl line; undefined when not a dry run. */
  dryRun?: OutStream | undefined;
  maxAttempts?: number;
  /** Injected by tests to observe or shorten backoff. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestOptions {
  method?: string;
  /** Path below /api/v1, e.g. `/deployments`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to send again after a reset or a 5xx; defaults to true for GET/HEAD/PUT/DELETE. */
  idempotent?: boolean;
  /** Another credential for this request (null: none); the session hooks are skipped. */
  credential?: Credential | null;
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const RETRY_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const BACKOFF_BASE_MS = 300;
const BACKOFF_CAP_MS = 8_000;
/** Total time the client may spend sleeping between attempts of one request. */
const RETRY_BUDGET_MS = 60_000;
export const DEFAULT_MAX_ATTEMPTS = 4;
export { type ApiResponse, parseBody };

export class ApiClient {
  private dispatcher: Dispatcher | undefined;
  private readonly opts: ClientOptions;
  private readonly secrets: string[];
  private credential: Credential | undefined;

  constructor(opts: ClientOptions) {
    this.opts = opts;
    this.credential = opts.credential;
    this.secrets = opts.credential ? [opts.credential.secret] : [];
  }

  /** Masks a secret in traces (a password sent in a body, a token received). */
  addSecret(secret: string): void {
    if (secret) this.secrets.push(secret);
  }

  /** POST /users/auth/_refresh with the given token: the new token and when it expires. */
  async refreshToken(c: Credential): Promise<{ token: string; expiresAt: string | undefined }> {
    const res = await this.request({ method: 'POST', path: '/users/auth/_refresh', credential: c });
    const body = parseBody<{ token?: unknown; session_expiration_time?: unknown }>(res);
    if (typeof body.token !== 'string')
      throw new ResponseError('unexpected response from ECE: _refresh returned no token');
    this.addSecret(body.token);
    return {
      token: body.token,
      expiresAt:
        typeof body.session_expiration_time === 'string' ? body.session_expiration_time : undefined,
    };
  }

  /** Sends a request; non-2xx answers throw ApiError. A stored session is renewed as needed. */
  async request(req: RequestOptions): Promise<ApiResponse> {
    const session = req.credential === undefined ? this.opts.session : undefined;
    let credential = req.credential === undefined ? this.credential : (req.credential ?? undefined);
    if (session && credential && !this.opts.dryRun) {
      credential = await session.before(this, credential);
      this.useCredential(credential);
    }
    try {
      return await this.sendWithRetries(req, credential);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401 || !session || !credential) throw err;
      const renewed = await session.unauthorized(this, credential);
      if (!renewed) throw err;
      this.useCredential(renewed);
      return await this.sendWithRetries(req, renewed);
    }
  }

  /** The credential requests use now, renewed first if its session is close to expiry. */
  async currentCredential(): Promise<Credential | undefined> {
    if (this.opts.session && this.credential)
      this.useCredential(await this.opts.session.before(this, this.credential));
    return this.credential;
  }

  private useCredential(c: Credential): void {
    if (c !== this.credential) {
      this.credential = c;
      this.addSecret(c.secret);
    }
  }

  get endpoint(): Endpoint {
    return this.opts.endpoint;
  }

  private async sendWithRetries(
    req: RequestOptions,
    credential: Credential | undefined,
  ): Promise<ApiResponse> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = this.url(req.path, req.query);
    const body =
      req.body === undefined || typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.opts.userAgent,
      ...lowerKeys(req.headers ?? {}),
    };
    if (body !== undefined && headers['content-type'] === undefined) {
      headers['content-type'] = 'application/json';
    }
    if (credential) headers.authorization = authorizationHeader(credential);

    if (this.opts.dryRun) {
      const shown = { ...headers };
      if (req.credential !== null) shown.authorization ??= 'ApiKey';
      this.opts.dryRun.write(
        `${toCurl({ method, url, headers: shown, body, caCert: this.opts.caCert, insecure: this.opts.insecure === true })}\n`,
      );
      throw new DryRunComplete();
    }

    const idempotent =
      req.idempotent ?? ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'].includes(method);
    const maxAttempts = idempotent ? (this.opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) : 1;
    let slept = 0;
    for (let attempt = 1; ; attempt++) {
      let res: ApiResponse;
      try {
        res = await this.followRedirects(method, url, headers, body);
      } catch (err) {
        const code = errorCode(err);
        if (attempt < maxAttempts && code !== undefined && RETRY_CODES.has(code)) {
          const delay = backoff(attempt);
          if (slept + delay <= RETRY_BUDGET_MS) {
            this.traceLine(
              `* ${code}; retrying in ${formatDuration(delay)} (attempt ${attempt + 1} of ${maxAttempts})`,
            );
            slept += delay;
            await this.sleep(delay);
            continue;
          }
        }
        throw err;
      }
      if (res.status >= 200 && res.status < 300) return res;
      if (attempt < maxAttempts && RETRY_STATUSES.has(res.status)) {
        const delay = retryAfter(res.headers['retry-after']) ?? backoff(attempt);
        if (slept + delay <= RETRY_BUDGET_MS) {
          this.traceLine(
            `* HTTP ${res.status}; retrying in ${formatDuration(delay)} (attempt ${attempt + 1} of ${maxAttempts})`,
          );
          slept += delay;
          await this.sleep(delay);
          continue;
        }
      }
      throw toApiError(res, attempt);
    }
  }

  /** Closes kept-alive connections so the process can exit at once. */
  async close(): Promise<void> {
    const d = this.dispatcher;
    // One connection per origin: a CLI's requests are sequential, and paging
    // through a search must not open a socket per page.
    this.dispatcher = undefined;
    if (d) await d.close().catch(() => undefined);
  }

  url(path: string, query?: RequestOptions['query']): string {
    const p = path.startsWith('/') ? path : `/${path}`;
    let url = this.opts.endpoint.baseUrl + p;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {}))
      if (v !== undefined) params.append(k, String(v));
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
    return url;
  }

  private async followRedirects(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<ApiResponse> {
    let current = url;
    let currentMethod = method;
    let currentBody = body;
    const currentHeaders = { ...headers };
    for (let hops = 0; ; hops++) {
      const res = await this.send(currentMethod, current, currentHeaders, currentBody);
      const location = res.headers.location;
      if (!REDIRECTS.has(res.status) || !location || hops >= MAX_REDIRECTS) return res;
      const next = new URL(location, current);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') return res;
      if (next.origin !== new URL(current).origin) {
        // Credentials stay with the origin they were meant for.
        delete currentHeaders.authorization;
        this.traceLine(`* redirected to another origin (${next.origin}); Authorization not sent`);
      }
      if (
        res.status === 303 ||
        ((res.status === 301 || res.status === 302) && currentMethod === 'POST')
      ) {
        currentMethod = 'GET';
        currentBody = undefined;
        delete currentHeaders['content-type'];
      }
      current = next.toString();
    }
  }

  private async send(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<ApiResponse> {
    const dispatcher = await this.getDispatcher();
    const { request } = await loadAgent();
    this.traceRequest(method, url, headers, body);
    const started = Date.now();
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = this.opts.signal ? AbortSignal.any([this.opts.signal, timeout]) : timeout;
    try {
      const res = await request.call(dispatcher, {
        ...splitUrl(url),
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        signal,
        headersTimeout: this.opts.timeoutMs,
        bodyTimeout: this.opts.timeoutMs,
      });
      const bytes = await readLimited(res, this.opts.endpoint);
      const out: ApiResponse = {
        status: res.statusCode,
        headers: flatHeaders(res.headers),
        text: bytes.toString('utf8'),
        bytes,
        url,
      };
      this.traceResponse(out, Date.now() - started);
      return out;
    } catch (err) {
      if (this.opts.signal?.aborted) throw new InterruptedError();
      if (timeout.aborted) {
        throw new NetworkError(
          `no answer from ${this.opts.endpoint.origin} within ${formatDuration(this.opts.timeoutMs)} (raise it with --timeout)`,
          'ETIMEDOUT',
        );
      }
      throw networkError(err, this.opts.endpoint);
    }
  }

  private async getDispatcher(): Promise<Dispatcher> {
    if (this.dispatcher) return this.dispatcher;
    const { Agent } = await loadAgent();
    const tls = {
      rejectUnauthorized: this.opts.insecure !== true,
      // node:tls loads with the first HTTPS connection, not for plain HTTP.
      ...(this.opts.caCert
        ? { ca: [...(await import('node:tls')).rootCertificates, readCa(this.opts.caCert)] }
        : {}),
    };
    const env = this.opts.env;
    const httpProxy = env.HTTP_PROXY || env.http_proxy || '';
    const httpsProxy = env.HTTPS_PROXY || env.https_proxy || '';
    this.dispatcher =
      httpProxy || httpsProxy
        ? // Proxies need undici's whole API (CONNECT); only then is all of it loaded.
          new (cjs(await import('undici')).EnvHttpProxyAgent)({
            httpProxy,
            httpsProxy,
            noProxy: env.NO_PROXY || env.no_proxy || '',
            connect: tls,
            requestTls: tls,
            connections: 1,
          })
        : new Agent({ connect: tls, connections: 1 });
    return this.dispatcher;
  }

  private sleep(ms: number): Promise<void> {
    return this.opts.sleep ? this.opts.sleep(ms, this.opts.signal) : sleep(ms, this.opts.signal);
  }

  private traceLine(line: string): void {
    this.opts.trace?.write(`${redactLiterals(line, this.secrets)}\n`);
  }

  private traceRequest(
    method: string,
    url: string,
    headers: Record<string, string>,
    body?: string,
  ) {
    if (!this.opts.trace) return;
    const lines = [`> ${method} ${url}`];
    for (const [k, v] of Object.entries(headers)) lines.push(`> ${k}: ${redactHeader(k, v)}`);
    if (body !== undefined) lines.push(redactBody(body, this.secrets));
    this.traceLine(lines.join('\n'));
  }

  private traceResponse(res: ApiResponse, ms: number) {
    if (!this.opts.trace) return;
    const lines = [`< HTTP ${res.status} (${formatDuration(ms)})`];
    for (const [k, v] of Object.entries(res.headers)) lines.push(`< ${k}: ${redactHeader(k, v)}`);
    if (res.text !== '') lines.push(redactBody(res.text, this.secrets));
    this.traceLine(lines.join('\n'));
  }
}

/** Only undici's agent and request API: its index also loads fetch, WebSocket and caches. */
async function loadAgent() {
  const [Agent, request] = await Promise.all([
    // CommonJS: module.exports is the default export, bundled or not.
    import('undici/lib/dispatcher/agent.js').then((m) => m.default),
    import('undici/lib/api/api-request.js').then((m) => m.default),
  ]);
  return { Agent, request };
}

/** The largest response body read; ECE's largest answers are far below it. */
export const MAX_BODY_BYTES = 128 * 1024 * 1024;

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

function toApiError(res: ApiResponse, attempts: number): ApiError {
  const requestId = res.headers['x-request-id'];
  const after = attempts > 1 ? ` after ${attempts} attempts` : '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.text);
  } catch {
    parsed = undefined;
  }
  const errors = eceErrors(parsed);
  if (errors.length > 0) {
    const opts = { body: res.text, headers: res.headers, ...(requestId ? { requestId } : {}) };
    return new ApiError(res.status, errors, opts);
  }
  const summary =
    res.text.trim() === ''
      ? `HTTP ${res.status} ${statusText(res.status)}${after}`
      : `HTTP ${res.status} ${statusText(res.status)}${after}: ${describeNonJson(res)}`;
  return new ApiError(res.status, [], {
    body: res.text,
    summary,
    headers: res.headers,
    ...(requestId ? { requestId } : {}),
  });
}

function eceErrors(body: unknown): EceErrorElement[] {
  if (typeof body !== 'object' || body === null) return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({
      code: typeof e.code === 'string' ? e.code : 'unknown',
      message: typeof e.message === 'string' ? e.message : 'no message',
      ...(Array.isArray(e.fields) ? { fields: e.fields.map(String) } : {}),
    }));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusText(status: number): string {
  return STATUS_TEXT[status] ?? '';
}

/** Exponential backoff with equal jitter: half fixed, half random. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfter(
  value: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
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

function errorCode(err: unknown): string | undefined {
  if (err instanceof NetworkError) return err.code;
  return undefined;
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
