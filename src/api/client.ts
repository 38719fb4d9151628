// The API client: base URL, the Authorization header, --dry-run, and the
// order of things for one request — session renewal (through the hooks it is
// given), then attempts under one deadline, each following redirects over the
// transport. The parts live beside it: transport.ts (the wire), retry.ts (the
// one retry policy), redirects.ts, apierror.ts, trace.ts. It never prints
// results; traces and dry-run lines go to the sinks it is given.

import { formatDuration } from '../duration.js';
import { ApiError, InterruptedError, NetworkError } from '../errors.js';
import { sleep } from '../sleep.js';
import { toApiError } from './apierror.js';
import { type ApiResponse, parseBody } from './body.js';
import { authorizationHeader, type Credential } from './credential.js';
import { toCurl } from './curl.js';
import type { Endpoint } from './host.js';
import { FileBody } from './multipart.js';
import { networkError, viaProxy } from './neterrors.js';
import { secretVariables } from './redact.js';
import { type Hop, nextHop } from './redirects.js';
import {
  backoff,
  DEFAULT_MAX_ATTEMPTS,
  Deadline,
  IDEMPOTENT_METHODS,
  outcomeHint,
  outcomeUnknown,
  RETRY_BUDGET_MS,
  RETRY_STATUSES,
  retriableFailure,
  retryAfter,
} from './retry.js';
import { type TextSink, Tracer } from './trace.js';
import { type BodySink, SendFailure, Transport } from './transport.js';

/** What session hooks may do with the client: send a request, register a secret. */
export interface SessionRequester {
  request(req: RequestOptions): Promise<ApiResponse>;
  addSecret(secret: string): void;
}

/** How a stored bearer session stays valid; implemented by auth/session.ts. */
export interface SessionHooks {
  /** Before a request: the credential to use, renewed if close to expiry. */
  before(api: SessionRequester, credential: Credential): Promise<Credential>;
  /** After a 401: a renewed credential to retry once with, or undefined. */
  unauthorized(api: SessionRequester, credential: Credential): Promise<Credential | undefined>;
}

export interface ClientOptions {
  endpoint: Endpoint;
  credential: Credential | undefined;
  session?: SessionHooks | undefined;
  userAgent: string;
  /** --timeout: one deadline per request, its redirects and retries included. */
  timeoutMs: number;
  caCert?: string | undefined;
  insecure?: boolean;
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  /** Where --verbose traces go; undefined when not verbose. */
  trace?: TextSink | undefined;
  /**
   * A dry run: reads go out (each noted here, on stderr), a write never does —
   * commands show their planned writes with curl() instead of sending them.
   */
  dryRun?: TextSink | undefined;
  maxAttempts?: number;
  /** Injected by tests to observe or shorten backoff. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injected by tests to shorten the waits between polls (of a plan, a dump). */
  pause?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestOptions {
  method?: string;
  /** Path below /api/v1, e.g. `/deployments`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Safe to send again once it reached ECE (a search, a create with its request_id); defaults
   * to true for GET/HEAD/PUT/DELETE/OPTIONS.
   */
  idempotent?: boolean;
  /** false: one attempt, no backoff (a poller that paces itself); the deadline still holds. */
  retry?: boolean;
  /** Another credential for this request (null: none); the session hooks are skipped. */
  credential?: Credential | null;
  /** A POST that changes nothing (a search): a dry run may send it. */
  read?: boolean;
  /**
   * A check of a credential (login): only the origin's own answer counts, so
   * a redirect to another origin is an AuthError instead of being followed.
   */
  verifying?: boolean;
  /**
   * Secrets in the body that a dry run's curl line shows as shell variables
   * (value → variable name, e.g. the password → ECE_PASSWORD), never in clear.
   */
  variables?: Record<string, string>;
  /**
   * A download: a 2xx body streams into this sink instead of memory (no size
   * limit; the response's text stays empty). Give it `retry: false`.
   */
  sink?: BodySink;
  /**
   * This request's deadline instead of --timeout's: an upload (the time its
   * bytes need) or a long download.
   */
  timeoutMs?: number;
  /**
   * The end of a wait this request is part of (epoch ms, a --wait-timeout):
   * the request's own deadline is the smaller of its timeout and what is
   * left of the wait, so that a slow answer never holds a wait past its end.
   */
  deadline?: number | undefined;
}

/** A request a dry run may send: it changes nothing on the server. */
export const isRead = (req: RequestOptions): boolean =>
  req.read === true || ['GET', 'HEAD', 'OPTIONS'].includes((req.method ?? 'GET').toUpperCase());

export { backoff, DEFAULT_MAX_ATTEMPTS, retryAfter } from './retry.js';
export { type BodySink, MAX_BODY_BYTES } from './transport.js';
export { type ApiResponse, parseBody };

export class ApiClient implements SessionRequester {
  private readonly opts: ClientOptions;
  private readonly transport: Transport;
  private readonly tracer: Tracer;
  private credential: Credential | undefined;

  constructor(opts: ClientOptions) {
    this.opts = opts;
    this.credential = opts.credential;
    this.tracer = new Tracer(opts.trace);
    if (opts.credential) this.tracer.addSecret(opts.credential.secret);
    this.transport = new Transport({
      endpoint: opts.endpoint,
      caCert: opts.caCert,
      insecure: opts.insecure,
      env: opts.env,
      timeoutMs: opts.timeoutMs,
    });
  }

  /** The wait between two polls of something ECE is doing (a plan, a dump). */
  pause(ms: number, signal?: AbortSignal): Promise<void> {
    return (this.opts.pause ?? sleep)(ms, signal);
  }

  /** Masks a secret in traces (a password sent in a body, a token received). */
  addSecret(secret: string): void {
    this.tracer.addSecret(secret);
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

  get endpoint(): Endpoint {
    return this.opts.endpoint;
  }

  /** Closes kept-alive connections so the process can exit at once. */
  async close(): Promise<void> {
    await this.transport.close();
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

  private useCredential(c: Credential): void {
    if (c !== this.credential) {
      this.credential = c;
      this.addSecret(c.secret);
    }
  }

  /**
   * The request as a curl command line that sends the same request: the
   * credential as $ECE_API_KEY or $ECE_TOKEN, the request's `variables` as
   * shell variables — or, when the command named none, the secrets that
   * secretVariables() finds in the body (a file the user wrote). What
   * --dry-run prints for each planned write.
   */
  curl(req: RequestOptions): string {
    const { method, url, headers, body } = this.prepare(req, this.credential);
    if (req.credential !== null) headers.authorization ??= 'ApiKey';
    if (body instanceof FileBody) {
      // curl builds the multipart body (and its boundary) itself from -F.
      delete headers['content-type'];
      delete headers['content-length'];
    }
    return toCurl({
      method,
      url,
      headers,
      ...(body instanceof FileBody
        ? { file: { field: body.field, path: body.path } }
        : { body, variables: req.variables ?? (body ? secretVariables(body) : undefined) }),
      caCert: this.opts.caCert,
      insecure: this.opts.insecure === true,
    });
  }

  private prepare(req: RequestOptions, credential: Credential | undefined) {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = this.url(req.path, req.query);
    const body =
      req.body === undefined || typeof req.body === 'string' || req.body instanceof FileBody
        ? req.body
        : JSON.stringify(req.body);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.opts.userAgent,
      ...lowerKeys(req.headers ?? {}),
    };
    if (body instanceof FileBody) {
      headers['content-type'] = body.contentType;
      headers['content-length'] = String(body.length);
    } else if (body !== undefined && headers['content-type'] === undefined) {
      headers['content-type'] = 'application/json';
    }
    if (credential) headers.authorization = authorizationHeader(credential);
    return { method, url, headers, body };
  }

  private async sendWithRetries(
    req: RequestOptions,
    credential: Credential | undefined,
  ): Promise<ApiResponse> {
    const { method, url, headers, body } = this.prepare(req, credential);
    if (this.opts.dryRun) {
      // Plan, then act: a write reaching this point under --dry-run is a bug.
      if (!isRead(req))
        throw new Error(`--dry-run: ${method} ${req.path} would have been sent; it was not`);
      this.opts.dryRun.write(`dry run: reading ${method} ${new URL(url).pathname}\n`);
    }

    const where = new URL(url).pathname;
    const idempotent = req.idempotent ?? IDEMPOTENT_METHODS.includes(method);
    const maxAttempts = req.retry === false ? 1 : (this.opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    const own = req.timeoutMs ?? this.opts.timeoutMs;
    const deadline = new Deadline(
      req.deadline === undefined ? own : Math.max(1, Math.min(own, req.deadline - Date.now())),
    );
    const signal = this.opts.signal
      ? AbortSignal.any([this.opts.signal, deadline.signal])
      : deadline.signal;
    let slept = 0;
    let last: string | undefined;
    for (let attempt = 1; ; attempt++) {
      const retry = async (delay: number, why: string): Promise<boolean> => {
        if (attempt >= maxAttempts || slept + delay > RETRY_BUDGET_MS || !deadline.allows(delay))
          return false;
        this.tracer.line(
          `* ${why}; retrying in ${formatDuration(delay)} (attempt ${attempt + 1} of ${maxAttempts})`,
        );
        slept += delay;
        try {
          await (this.opts.sleep ?? sleep)(delay, signal);
        } catch (err) {
          if (this.opts.signal?.aborted || !deadline.expired) throw err;
          throw deadline.error(this.opts.endpoint.origin, last);
        }
        return true;
      };
      let res: ApiResponse;
      try {
        res = await this.followRedirects(
          { method, url, headers, body },
          signal,
          req.sink,
          req.verifying === true,
        );
      } catch (err) {
        if (this.opts.signal?.aborted) throw new InterruptedError();
        if (!(err instanceof SendFailure)) throw err;
        const sentWrite = err.sent && !idempotent;
        if (deadline.expired) {
          const timeout = deadline.error(this.opts.endpoint.origin, last);
          throw sentWrite ? outcomeUnknown(timeout, method, where) : timeout;
        }
        const mapped = viaProxy(
          networkError(err.error, this.opts.endpoint),
          err.sent ? undefined : this.transport.proxyFor(url),
          this.opts.endpoint,
        );
        if (!(mapped instanceof NetworkError)) throw mapped;
        last = mapped.message;
        if (
          retriableFailure(mapped, err.sent, idempotent) &&
          (await retry(backoff(attempt), mapped.code ?? 'network error'))
        )
          continue;
        if (sentWrite) throw outcomeUnknown(mapped, method, where);
        if (attempt > 1 && !err.sent)
          throw new NetworkError(
            `${mapped.message}; gave up after ${attempt} attempts`,
            mapped.code,
          );
        throw mapped;
      }
      if (res.status >= 200 && res.status < 300) return res;
      if (RETRY_STATUSES.has(res.status) && idempotent) {
        const delay = retryAfter(res.headers['retry-after']) ?? backoff(attempt);
        if (await retry(delay, `HTTP ${res.status}`)) continue;
      }
      const apiErr = toApiError(res, attempt);
      if (!idempotent && res.status >= 500) apiErr.hints.push(outcomeHint(method, where));
      throw apiErr;
    }
  }

  private async followRedirects(
    first: Hop,
    signal: AbortSignal,
    sink: BodySink | undefined,
    verifying: boolean,
  ): Promise<ApiResponse> {
    let hop = first;
    for (let hops = 0; ; hops++) {
      const res = await this.send(hop, signal, sink);
      const next = nextHop(hop, res.status, res.headers.location, hops, verifying);
      if (!next) return res;
      if (next.headers.authorization === undefined && hop.headers.authorization !== undefined)
        this.tracer.line(
          `* redirected to another origin (${new URL(next.url).origin}); Authorization not sent`,
        );
      hop = next;
    }
  }

  private async send(hop: Hop, signal: AbortSignal, sink?: BodySink): Promise<ApiResponse> {
    this.tracer.request(
      hop.method,
      hop.url,
      hop.headers,
      hop.body instanceof FileBody ? hop.body.describe() : hop.body,
    );
    const started = Date.now();
    const res = await this.transport.send(hop, signal, sink);
    this.tracer.response(res, Date.now() - started);
    return res;
  }
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}
