// Every wall-clock bound of the suite goes through here (a lint test,
// test/suite.test.ts, rejects `Date.now() - x` anywhere else). A bound is
// stated as what the mechanism takes on a quiet machine, and allows SLACK
// times that — plus the product's own bound where there is one (a --timeout,
// a Retry-After) — so a loaded machine makes a run slower, never red.
// ECE_TEST_SLACK raises the factor on a very slow machine; it never goes
// below 5. On a machine busier than its cores (load average above the core
// count: another suite beside this one) the factor grows by that ratio, read
// when the bound is checked. Time itself (plans, polls, token expiry, backoff) runs on a fake or
// injected clock wherever one will do: a bound here is for what cannot.

import { availableParallelism, loadavg } from 'node:os';
import assert from './assert.js';

export const SLACK = Math.max(5, Number(process.env.ECE_TEST_SLACK) || 5);

/** SLACK, times how many runnable processes there are per core when that is more than one. */
function slack(): number {
  return SLACK * Math.max(1, (loadavg()[0] ?? 0) / availableParallelism());
}

export interface Stopwatch {
  /** Milliseconds since the stopwatch started. */
  ms(): number;
  /**
   * Fails when more than `plus + SLACK × quietMs` passed: `quietMs` is the
   * mechanism's time on a quiet machine, `plus` the product's own bound.
   */
  atMost(quietMs: number, what: string, plus?: number): void;
  /** Fails when less than `ms` passed (a wait that must happen: load only adds time). */
  atLeast(ms: number, what: string): void;
}

export function stopwatch(): Stopwatch {
  const started = performance.now();
  const ms = () => performance.now() - started;
  return {
    ms,
    atMost(quietMs, what, plus = 0) {
      const took = ms();
      const factor = slack();
      const limit = Math.round(plus + factor * quietMs);
      assert.ok(
        took <= limit,
        `${what}: took ${Math.round(took)} ms, more than ${limit} ms (${plus ? `${plus} ms + ` : ''}${Number(factor.toFixed(1))} × ${quietMs} ms on a quiet machine)`,
      );
    },
    atLeast(min, what) {
      const took = ms();
      assert.ok(took >= min, `${what}: took ${Math.round(took)} ms, less than ${min} ms`);
    },
  };
}

/** A deadline for polling something that takes `quietMs` on a quiet machine (SLACK × that). */
export function deadline(quietMs: number): { passed(): boolean; ms: number } {
  const watch = stopwatch();
  return {
    passed: () => watch.ms() > slack() * quietMs,
    get ms() {
      return Math.round(slack() * quietMs);
    },
  };
}
