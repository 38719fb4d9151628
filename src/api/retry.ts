// The one retry policy (docs/reliability.md, "Retries and deadlines").
//
// - Any request is sent again when nothing reached the server: the proxy
//   refused or dropped its CONNECT, the connection or TLS handshake was reset,
//   connecting timed out, DNS said "try again". Refused connections, unknown
//   hosts and certificate errors are not retried: the answer would not change.
// - A request that was sent is sent again only if it is safe to repeat
//   (GET, HEAD, PUT, DELETE, OPTIONS, or marked `idempotent`, e.g. a create with
//   its request_id): after a reset, or on 429, 502, 503, 504.
// - Otherwise a write that may have reached ECE ends with an error that says
//   its outcome is unknown and how to check.
// Every attempt, backoff and Retry-After fits inside one deadline (--timeout).
//
// The pollers (the plan follower, the heap dump poller, "did a plan start")
// pace themselves by the same rule: `backoff` over a `Schedule`, every wait
// cut at the deadline by `untilDeadline`, and `transient` says which failed
// read a poller waits out. The sleeping itself is injected (the client's
// `sleep` and `pause`, src/sleep.ts by default): tests spend no real time.

import { formatDuration } from '../duration.js';
import { ApiError, type CliError, NetworkError } from '../errors.js';

export const RETRY_STATUSES = new Set([429, 502, 503, 504]);
/** A connection lost after the request was written. */
const AFTER_SEND = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);
/** Failures before anything was written that may clear up within seconds. */
const BEFORE_SEND = new Set([
  ...AFTER_SEND,
  'UND_ERR_ABORTED', // the proxy answered its CONNECT with something else than 200
  'UND_ERR_PRX_TLS',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);
export const IDEMPOTENT_METHODS = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];

export const DEFAULT_MAX_ATTEMPTS = 4;

/** How the waits grow: from `baseMs`, doubling at each try, up to `capMs`. */
export interface Schedule {
  baseMs: number;
  capMs: number;
}
/** A request sent again (the client). */
export const REQUEST_SCHEDULE: Schedule = { baseMs: 300, capMs: 8_000 };
/** A poller: between reads of a heap dump list, after a failed read of a followed plan. */
export const POLL_SCHEDULE: Schedule = { baseMs: 500, capMs: 5_000 };
/** Total time one request may spend sleeping between attempts (the deadline may end it sooner). */
export const RETRY_BUDGET_MS = 60_000;

/** May this network failure be retried? */
export function retriableFailure(err: NetworkError, sent: boolean, idempotent: boolean): boolean {
  if (err.code === undefined) return false;
  return sent ? idempotent && AFTER_SEND.has(err.code) : BEFORE_SEND.has(err.code);
}

/** The hint for a write whose outcome is unknown. */
export function outcomeHint(method: string, path: string): string {
  return `${method} ${path} may or may not have taken effect in ECE; check the current state (e.g. with the matching show or list command, or 'ece api ${path}') before sending it again`;
}

/** A failure after a write reached the server: exit 6, saying the outcome is unknown. */
export function outcomeUnknown(err: CliError, method: string, path: string): NetworkError {
  const e = new NetworkError(
    `${err.message}; the request had been sent, so its outcome is unknown`,
    err instanceof NetworkError ? err.code : undefined,
  );
  e.hints.push(outcomeHint(method, path));
  return e;
}

/** One deadline for a request, its redirects and its retries. */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly ends: number;
  constructor(
    readonly ms: number,
    now: number = Date.now(),
  ) {
    this.signal = AbortSignal.timeout(ms);
    this.ends = now + ms;
  }
  get expired(): boolean {
    return this.signal.aborted;
  }
  /** Is there time for a wait of `ms` and something after it? */
  allows(ms: number): boolean {
    return Date.now() + ms < this.ends;
  }
  error(origin: string, last: string | undefined): NetworkError {
    const why = last ? `; the last attempt: ${last}` : '';
    return new NetworkError(
      `no answer from ${origin} within ${formatDuration(this.ms)} (raise it with --timeout)${why}`,
      'ETIMEDOUT',
    );
  }
}

/**
 * The n-th wait (n from 1) of a schedule, with equal jitter: half fixed, half
 * random, so that many clients told to wait do not come back together.
 */
export function backoff(
  n: number,
  schedule: Schedule = REQUEST_SCHEDULE,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(schedule.capMs, schedule.baseMs * 2 ** (n - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A wait of `ms` cut to what is left before `deadline` (epoch ms); never negative. */
export function untilDeadline(ms: number, deadline: number, now: number = Date.now()): number {
  return Math.max(0, Math.min(ms, deadline - now));
}

/**
 * A failed read a poller waits out and makes again (until its deadline): the
 * network, or a status the client retries too (429, 502, 503, 504). Any other
 * answer, a 500 included, is the answer.
 */
export function transient(err: unknown): boolean {
  if (err instanceof NetworkError) return true;
  return err instanceof ApiError && RETRY_STATUSES.has(err.status);
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
