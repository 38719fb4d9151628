// The one retry/backoff rule (api/retry.ts): the schedules the client and
// the pollers use, the cut at the deadline, and which failed read a poller
// waits out. Pure functions: no clock, no sleep.

import { describe, it } from 'node:test';
import {
  backoff,
  POLL_SCHEDULE,
  REQUEST_SCHEDULE,
  transient,
  untilDeadline,
} from '../../src/api/retry.js';
import { ApiError, NetworkError, UsageError } from '../../src/errors.js';
import assert from '../helpers/assert.js';

const waits = (schedule: typeof REQUEST_SCHEDULE, random: number) =>
  [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoff(n, schedule, () => random));

describe('retry rule', () => {
  it('doubles from the base up to the cap, with equal jitter (half fixed, half random)', () => {
    assert.deepEqual(waits(REQUEST_SCHEDULE, 0), [150, 300, 600, 1200, 2400, 4000, 4000, 4000]);
    assert.deepEqual(waits(REQUEST_SCHEDULE, 1), [300, 600, 1200, 2400, 4800, 8000, 8000, 8000]);
    assert.deepEqual(waits(POLL_SCHEDULE, 0), [250, 500, 1000, 2000, 2500, 2500, 2500, 2500]);
    assert.deepEqual(waits(POLL_SCHEDULE, 1), [500, 1000, 2000, 4000, 5000, 5000, 5000, 5000]);
    // The client's default schedule is the request one.
    assert.equal(
      backoff(3, undefined, () => 0.5),
      backoff(3, REQUEST_SCHEDULE, () => 0.5),
    );
  });

  it('a wait never runs past the deadline, and is never negative', () => {
    assert.equal(untilDeadline(1_000, 10_000, 5_000), 1_000);
    assert.equal(untilDeadline(1_000, 10_000, 9_600), 400);
    assert.equal(untilDeadline(1_000, 10_000, 12_000), 0);
  });

  it('a poller waits out the network and 429/502/503/504; a 500 or a 4xx is the answer', () => {
    const api = (status: number) => new ApiError(status, [], {});
    assert.deepEqual(
      [429, 502, 503, 504, 500, 501, 404, 409].map((s) => transient(api(s))),
      [true, true, true, true, false, false, false, false],
    );
    assert.equal(transient(new NetworkError('reset', 'ECONNRESET')), true);
    assert.equal(transient(new UsageError('no')), false);
  });
});
