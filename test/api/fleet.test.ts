// The fleet follower (src/api/fleet.ts) against a per-test server: one
// search per poll whatever the number in flight, one GET with logs per
// deployment that ended, the interval backing off while nothing ends and
// reset when something does, a 503 waited out, and the pacer's spacing.
// Waits are recorded, never slept.

import { describe, it } from 'node:test';
import { ApiClient } from '../../src/api/client.js';
import {
  BACKOFF,
  type FleetEvent,
  FleetFollower,
  MAX_POLL_MS,
  MAX_RATE,
  Pacer,
  POLL_MS,
} from '../../src/api/fleet.js';
import { parseHost } from '../../src/api/host.js';
import { NOTHING_BEFORE } from '../../src/api/plans.js';
import assert from '../helpers/assert.js';
import { type Handler, json, startServer } from '../helpers/server.js';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

const attempt = (id: string, ok = true) => ({
  plan_attempt_id: id,
  healthy: ok,
  plan_attempt_log: ok
    ? [{ step_id: 'plan-completed', status: 'success', stage: 'completed', started: 'x' }]
    : [
        {
          step_id: 'migrate-data',
          status: 'error',
          stage: 'completed',
          started: 'x',
          info_log: [{ message: 'no room' }],
        },
        { step_id: 'plan-completed', status: 'error', stage: 'completed', started: 'x' },
      ],
});
const resource = (plan: { current?: unknown; pending?: unknown }) => ({
  ref_id: 'main-elasticsearch',
  id: 'e'.repeat(32),
  region: 'r',
  info: { healthy: true, status: 'started', plan_info: { healthy: true, history: [], ...plan } },
});
const deployment = (id: string, plan: { current?: unknown; pending?: unknown }) => ({
  id,
  name: id.slice(0, 4),
  healthy: true,
  resources: { elasticsearch: [resource(plan)] },
});

async function withFollower(
  handler: Handler,
  fn: (f: FleetFollower, waits: number[], events: FleetEvent[]) => Promise<void>,
) {
  const server = await startServer(handler, { contract: false });
  const waits: number[] = [];
  const client = new ApiClient({
    endpoint: parseHost(server.url),
    credential: { type: 'apikey', secret: 'k-fleet', source: 'test' },
    userAgent: 't',
    timeoutMs: 5_000,
    env: {},
    sleep: async () => undefined,
    pause: async (ms) => {
      waits.push(ms);
    },
  });
  const events: FleetEvent[] = [];
  // A clock that never moves: the pacer never has to wait, the deadline never passes.
  const pacer = new Pacer(client, undefined, () => 0, 0);
  const f = new FleetFollower(client, { pacer, onEvent: (e) => events.push(e), now: () => 0 });
  try {
    await fn(f, waits, events);
    return server;
  } finally {
    await client.close();
    await server.close();
  }
}

const target = {
  kind: 'elasticsearch',
  refId: 'main-elasticsearch',
  before: { ...NOTHING_BEFORE, ids: new Set(['old']) },
};

describe('fleet follower', () => {
  it('one search a poll for every deployment in flight; the interval grows while nothing ends; one GET with logs for each that ended', async () => {
    let polls = 0;
    const server = await withFollower(
      (q, res) => {
        if (q.url === '/api/v1/deployments/_search') {
          polls++;
          const done = polls >= 4;
          return json(res, 200, {
            deployments: [
              deployment(
                A,
                done
                  ? { current: attempt('new-a') }
                  : { current: attempt('old'), pending: attempt('new-a') },
              ),
              deployment(B, { current: attempt('old'), pending: attempt('new-b') }),
            ],
          });
        }
        if (q.url.startsWith(`/api/v1/deployments/${A}?`))
          return json(res, 200, deployment(A, { current: attempt('new-a', false) }));
        return json(res, 404, { errors: [{ code: 'x', message: 'no' }] });
      },
      async (f, waits, events) => {
        f.add({ id: A, targets: [target], deadline: 1 });
        f.add({ id: B, targets: [target], deadline: 1 });
        const ended = await f.next();
        assert.deepEqual(ended, [
          {
            id: A,
            ok: false,
            what: 'elasticsearch main-elasticsearch',
            step: 'migrate-data',
            message: 'no room',
          },
        ]);
        assert.equal(f.size, 1);
        assert.deepEqual(waits, [
          POLL_MS,
          POLL_MS * BACKOFF,
          POLL_MS * BACKOFF ** 2,
          POLL_MS * BACKOFF ** 3,
        ]);
        assert.deepEqual(
          events.filter((e) => e.type === 'poll').map((e) => (e.type === 'poll' ? e.requests : 0)),
          [1, 1, 1, 2],
        );
      },
    );
    const searches = server.requests.filter((q) => q.url.endsWith('/_search'));
    assert.equal(searches.length, 4);
    for (const s of searches)
      assert.deepEqual(JSON.parse(s.body), {
        query: {
          bool: {
            should: [A, B].map((id) => ({ term: { id: { value: id } } })),
            minimum_should_match: 1,
          },
        },
        size: 2,
      });
    assert.deepEqual(
      server.requests.filter((q) => q.method === 'GET').map((q) => q.url),
      [`/api/v1/deployments/${A}?show_plans=true&show_plan_logs=true&show_plan_history=true`],
    );
  });

  it('waits out a 503 with a growing delay, never past the longest interval', async () => {
    let calls = 0;
    await withFollower(
      (q, res) => {
        calls++;
        // More 503s than the client retries on its own: the follower waits the rest out.
        if (calls <= 5) return json(res, 503, { errors: [{ code: 'busy', message: 'busy' }] });
        if (q.url.endsWith('/_search'))
          return json(res, 200, { deployments: [deployment(A, { current: attempt('new-a') })] });
        return json(res, 200, deployment(A, { current: attempt('new-a') }));
      },
      async (f, waits, events) => {
        f.add({ id: A, targets: [target], deadline: 1 });
        assert.deepEqual(await f.next(), [{ id: A, ok: true }]);
        assert.ok(events.some((e) => e.type === 'retry'));
        assert.ok(waits.every((w) => w <= MAX_POLL_MS));
      },
    );
  });

  it('the pacer spaces requests 1/MAX_RATE s apart', async () => {
    const waits: number[] = [];
    const fake = { pause: async (ms: number) => void waits.push(ms) } as unknown as ApiClient;
    let t = 0;
    const pacer = new Pacer(fake, undefined, () => t);
    await pacer.turn();
    t += 50;
    await pacer.turn();
    t += 1_000;
    await pacer.turn();
    assert.deepEqual(waits, [1000 / MAX_RATE - 50]);
    assert.equal(pacer.count, 3);
  });
});
