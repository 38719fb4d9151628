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
import { after, before, mock, type TestContext } from 'node:test';
import { InterruptedError } from '../../src/errors.js';
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

export interface VirtualClock {
  /** The CLI's wait (a poll, a backoff): moves the clock `ms` on, takes no real time. */
  pause(ms: number, signal?: AbortSignal): Promise<void>;
  /** Moves the clock on without a wait of the CLI's (time passing on the server's side). */
  advance(ms: number): void;
  /** How far the clock has been moved since it started. */
  moved(): number;
}

/**
 * Virtual time for in-process runs (`run(argv, { clock })`): while it is on,
 * `Date` is node:test's mock, which only the CLI's own waits move on. The CLI
 * and the in-process sandbox read the same clock, so a 90-second plan
 * followed with --wait takes no real time, and a --timeout fires when the CLI
 * has waited that long, whatever the machine's load. Timers stay real
 * (sockets, the test's own): a case about a socket's deadline (a body that
 * trickles) runs on real time, and says so.
 *
 * `useVirtualClock()`, called in a describe(), keeps it on from the suite's
 * start to its end (a sandbox shared by the suite's tests never sees time go
 * back); `virtualClock(t)` for one test.
 */
export function useVirtualClock(): VirtualClock {
  before(() => startClock());
  after(() => mock.timers.reset());
  return clock();
}

export function virtualClock(t: TestContext): VirtualClock {
  startClock();
  t.after(() => mock.timers.reset());
  return clock();
}

function startClock(): void {
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
}

function clock(): VirtualClock {
  let moved = 0;
  const advance = (ms: number) => {
    moved += ms;
    mock.timers.tick(ms);
  };
  return {
    advance,
    moved: () => moved,
    async pause(ms, signal) {
      if (signal?.aborted) throw new InterruptedError();
      advance(ms);
      // A turn of the event loop, as a real wait gives: what else is in flight goes on.
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw new InterruptedError();
    },
  };
}
