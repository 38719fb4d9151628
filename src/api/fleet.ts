// Following the plans of many deployments at once (a fleet rollout), beside
// the single follower (plans.ts) and on its rules: which attempt is ours
// comes from a read taken before the change (attempts.ts), a failure is the
// last step in error, a deployment that shows no new attempt for
// GRACE_POLLS polls is read and found unchanged, transient faults are waited
// out. What differs is the cost: one schedule for the whole fleet, one
// `_search` per poll for the statuses of every deployment in flight (the
// hits carry current and pending plans, without logs), and one GET with
// plan logs and history per deployment that finished, to read its outcome
// as Elastic's plan tracker does. The interval backs off while nothing
// finishes, and every request of the rollout waits its turn at the Pacer,
// so the rate never passes MAX_RATE whatever the fleet's size
// (docs/fleet.md). Silent: it reports through callbacks.

import { CliError, InterruptedError, WaitTimeoutError } from '../errors.js';
import { attempts, failure, locate, same } from './attempts.js';
import { parseBody } from './body.js';
import type { ApiClient } from './client.js';
import { type Deployment, getDeployment, searchDeployments } from './deployments.js';
import { eachResource, GRACE_POLLS, type Target } from './plans.js';
import { transient } from './retry.js';

/** The first wait after a change, and the interval whenever something just finished. */
export const POLL_MS = 2_000;
/** The interval grows by BACKOFF while nothing finishes, up to this. */
export const MAX_POLL_MS = 30_000;
export const BACKOFF = 1.5;
/** Requests per second the rollout never passes, starts and reads included. */
export const MAX_RATE = 5;

/** Spaces the rollout's requests at least 1/MAX_RATE s apart. */
export class Pacer {
  private last = Number.NEGATIVE_INFINITY;
  /** Requests let through so far (what --verbose reports). */
  count = 0;
  constructor(
    private readonly api: ApiClient,
    private readonly signal: AbortSignal | undefined,
    private readonly now: () => number = Date.now,
    readonly gapMs = 1000 / MAX_RATE,
  ) {}
  async turn(): Promise<void> {
    const wait = this.last + this.gapMs - this.now();
    if (wait > 0) await this.api.pause(wait, this.signal);
    if (this.signal?.aborted) throw new InterruptedError();
    this.last = this.now();
    this.count++;
  }
}

/** One deployment whose plans are followed. */
export interface Flight {
  id: string;
  /** The resources whose plans the change started, with what each had before. */
  targets: Target[];
  /** When to give up on it (epoch ms): its --wait-timeout. */
  deadline: number;
}

export interface FlightOutcome {
  id: string;
  ok: boolean;
  /** What failed: a resource's plan (`kind ref_id`), or `health` when it ended unhealthy. */
  what?: string;
  step?: string;
  message?: string;
  /** Ended by its deadline, or by an error reading it: the error to report. */
  error?: CliError;
}

export type FleetEvent =
  /** One poll: the requests it took (one search, plus a GET per finished deployment). */
  | { type: 'poll'; inFlight: number; requests: number; nextMs: number }
  /** A deployment's plans as the search shows them: how many of its targets are still running. */
  | { type: 'status'; id: string; running: number; of: number }
  | { type: 'retry'; message: string; delayMs: number };

export interface FleetOptions {
  pacer: Pacer;
  signal?: AbortSignal | undefined;
  onEvent: (e: FleetEvent) => void;
  now?: () => number;
  pollMs?: number;
  maxPollMs?: number;
}

interface Tracked {
  flight: Flight;
  /** A new attempt was seen (pending, or already current). */
  seen: boolean;
  /** Polls without a plan since the change. */
  quiet: number;
}

/** The `_search` for the statuses of the deployments in flight: their ids, one page. */
export function fleetSearch(ids: string[]): Record<string, unknown> {
  return {
    query: {
      bool: {
        should: ids.map((id) => ({ term: { id: { value: id } } })),
        minimum_should_match: 1,
      },
    },
    size: ids.length,
  };
}

interface HitPlanInfo {
  current?: { plan_attempt_id?: string };
  pending?: { plan_attempt_id?: string };
}
interface Hit {
  id: string;
  resources?: Record<string, { ref_id?: string; info?: { plan_info?: HitPlanInfo } }[]>;
}

export class FleetFollower {
  private readonly flights = new Map<string, Tracked>();
  private interval: number;
  private readonly now: () => number;
  private failures = 0;

  constructor(
    private readonly api: ApiClient,
    private readonly o: FleetOptions,
  ) {
    this.now = o.now ?? Date.now;
    this.interval = o.pollMs ?? POLL_MS;
  }

  get size(): number {
    return this.flights.size;
  }

  add(flight: Flight): void {
    this.flights.set(flight.id, { flight, seen: false, quiet: 0 });
    // A new plan: look again soon.
    this.interval = this.o.pollMs ?? POLL_MS;
  }

  /** Polls on the shared schedule until at least one deployment finished; returns those. */
  async next(): Promise<FlightOutcome[]> {
    for (;;) {
      if (this.flights.size === 0) return [];
      await this.api.pause(this.interval, this.o.signal);
      const ended = await this.poll();
      if (ended === undefined) continue;
      if (ended.length > 0) {
        this.interval = this.o.pollMs ?? POLL_MS;
        return ended;
      }
      this.interval = Math.min(this.o.maxPollMs ?? MAX_POLL_MS, this.interval * BACKOFF);
    }
  }

  /** One poll: the outcomes of the deployments that finished; undefined after a transient fault. */
  private async poll(): Promise<FlightOutcome[] | undefined> {
    const ids = [...this.flights.keys()];
    let hits: Map<string, Hit>;
    let requests = 1;
    try {
      await this.o.pacer.turn();
      const body = parseBody<{ deployments?: Hit[] }>(
        await searchDeployments(this.api, fleetSearch(ids)),
      );
      hits = new Map((body.deployments ?? []).map((h) => [h.id, h]));
      this.failures = 0;
    } catch (err) {
      if (err instanceof InterruptedError || !transient(err)) throw err;
      this.failures++;
      const delay = Math.min(MAX_POLL_MS, POLL_MS * 2 ** (this.failures - 1));
      this.o.onEvent({ type: 'retry', message: (err as Error).message, delayMs: delay });
      this.interval = delay;
      return undefined;
    }
    const out: FlightOutcome[] = [];
    for (const [id, t] of this.flights) {
      const hit = hits.get(id);
      if (this.now() >= t.flight.deadline) {
        out.push({
          id,
          ok: false,
          error: new WaitTimeoutError('gave up waiting (--wait-timeout)'),
        });
        continue;
      }
      if (hit && !this.finished(t, hit)) continue;
      // Finished (or gone from the index): its outcome, from one read with the logs.
      requests++;
      const outcome = await this.outcome(t.flight);
      if (outcome) out.push(outcome);
    }
    for (const o of out) this.flights.delete(o.id);
    this.o.onEvent({
      type: 'poll',
      inFlight: ids.length,
      requests,
      nextMs:
        out.length > 0
          ? (this.o.pollMs ?? POLL_MS)
          : Math.min(this.o.maxPollMs ?? MAX_POLL_MS, this.interval * BACKOFF),
    });
    return out;
  }

  /** From the search hit: no target runs a plan, and ours was seen or will not show. */
  private finished(t: Tracked, hit: Hit): boolean {
    let running = 0;
    let fresh = false;
    for (const target of t.flight.targets) {
      const r = hit.resources?.[target.kind]?.find((x) => x.ref_id === target.refId);
      const p = r?.info?.plan_info;
      if (p?.pending) running++;
      const id = p?.pending?.plan_attempt_id ?? p?.current?.plan_attempt_id;
      if (id !== undefined && !target.before.ids.has(id)) fresh = true;
    }
    this.o.onEvent({ type: 'status', id: t.flight.id, running, of: t.flight.targets.length });
    if (fresh) t.seen = true;
    if (running > 0) {
      t.quiet = 0;
      return false;
    }
    if (t.seen) return true;
    t.quiet++;
    return t.quiet > GRACE_POLLS;
  }

  /** The outcome from one GET with logs and history; undefined when it must be polled again. */
  private async outcome(f: Flight): Promise<FlightOutcome | undefined> {
    let d: Deployment;
    try {
      await this.o.pacer.turn();
      d = parseBody<Deployment>(
        await getDeployment(this.api, f.id, { plans: true, logs: true, history: true }),
      );
    } catch (err) {
      if (err instanceof InterruptedError) throw err;
      if (transient(err)) return undefined;
      if (err instanceof CliError) return { id: f.id, ok: false, error: err };
      throw err;
    }
    return readOutcome(d, f);
  }
}

/** How the change ended, read as the single follower reads it; undefined while a plan runs. */
export function readOutcome(d: Deployment, f: Flight): FlightOutcome | undefined {
  for (const t of f.targets) {
    const r = d.resources?.[t.kind as keyof Deployment['resources']]?.find(
      (x) => x.ref_id === t.refId,
    );
    if (!r) continue;
    const p = r.info.plan_info;
    const seq = attempts(p, true);
    const i = locate(seq, t.before, true);
    const attempt = i >= 0 ? seq[i] : undefined;
    if (!attempt) continue; // no new plan: left unchanged
    if (p.pending && same(attempt, p.pending)) return undefined;
    const result = failure(attempt);
    if (!result.ok)
      return {
        id: f.id,
        ok: false,
        what: `${t.kind} ${t.refId}`,
        ...(result.step === undefined ? {} : { step: result.step }),
        ...(result.message === undefined ? {} : { message: result.message }),
      };
  }
  // The gate: healthy on every resource and no plan pending (someone else's included).
  for (const { kind, r } of eachResource(d)) {
    if (r.info.plan_info.pending) return undefined;
    if (r.info.healthy === false)
      return {
        id: f.id,
        ok: false,
        what: 'health',
        message: `${kind} ${r.ref_id} is not healthy after the upgrade`,
      };
  }
  return { id: f.id, ok: true };
}
