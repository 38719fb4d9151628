// Following the plans a command started, to the end, as ECE's own trackers
// do (cloud-sdk-go pkg/plan): a GET taken before the write says which
// attempts each resource had; ours is the first attempt absent from it — by
// plan_attempt_id, else by its position in the history (never by comparing
// ECE's clock with ours). Only the resources that show a new attempt are
// followed to the end: a target that shows none once the others have shown
// theirs and finished (and a few polls more) is reported unchanged. A failed
// creation leaves no current plan, so the history is read when needed. It
// reads each attempt's log so every step is reported in order; it ends at
// success, failure or the deadline. Silent: it reports through callbacks.

import { formatDuration } from '../duration.js';
import { InterruptedError, WaitTimeoutError } from '../errors.js';
import {
  attempts,
  type Before,
  failure,
  locate,
  NEED_HISTORY,
  NOTHING_BEFORE,
  same,
} from './attempts.js';
import { parseBody } from './body.js';
import type { ApiClient } from './client.js';
import { type Deployment, getDeployment, type ResourceInfo } from './deployments.js';
import { KINDS } from './kinds.js';
import { backoff, POLL_SCHEDULE, transient, untilDeadline } from './retry.js';

export { type Before, NOTHING_BEFORE } from './attempts.js';

/** Polls after every other target finished before a silent one is called unchanged. */
export const GRACE_POLLS = 3;

export interface Target {
  kind: string;
  refId: string;
  before: Before;
  /** For commands that start no plan (instances _stop/_start): the status to reach. */
  status?: string;
}

export type WaitEvent =
  | { type: 'step'; target: Target; step: string }
  | { type: 'done'; target: Target; ok: boolean; step?: string; message?: string; ms: number }
  | { type: 'retry'; message: string; delayMs: number }
  | { type: 'poll' };

export interface WaitOptions {
  deadline: number;
  pollMs?: number;
  signal?: AbortSignal | undefined;
  onEvent: (e: WaitEvent) => void;
  now?: () => number;
}

export interface Outcome {
  target: Target;
  ok: boolean;
  /** No new attempt was seen: the change left this resource as it was. */
  unchanged?: boolean;
  step?: string | undefined;
  message?: string | undefined;
  /** Ours failed, but a newer attempt (someone else's) succeeded. */
  supersededBySuccess?: boolean;
}

const key = (kind: string, refId: string) => `${kind}/${refId}`;

/** What each resource has now: what a change must not be confused with. */
export async function snapshot(api: ApiClient, id: string): Promise<Map<string, Before>> {
  const d = parseBody<Deployment>(await getDeployment(api, id, { plans: true, history: true }));
  const out = new Map<string, Before>();
  for (const { kind, r } of eachResource(d)) {
    const seq = attempts(r.info.plan_info, true);
    out.set(key(kind, r.ref_id), {
      ids: new Set(seq.flatMap((a) => (a.plan_attempt_id ? [a.plan_attempt_id] : []))),
      count: seq.length,
      anonymous: seq.some((a) => !a.plan_attempt_id),
      status: r.info.status,
    });
  }
  return out;
}

/** Targets for resources named `kind/ref_id`, with what each had before the change. */
export function targetsFor(keys: Iterable<string>, before: Map<string, Before>): Target[] {
  return [...keys].map((k) => {
    const [kind = '', refId = ''] = k.split('/');
    return { kind, refId, before: before.get(k) ?? NOTHING_BEFORE };
  });
}

export function eachResource(d: Deployment): { kind: string; r: ResourceInfo }[] {
  return KINDS.flatMap((kind) => (d.resources?.[kind] ?? []).map((r) => ({ kind, r })));
}

export async function waitForPlans(
  api: ApiClient,
  id: string,
  targets: Target[],
  o: WaitOptions,
): Promise<Outcome[]> {
  const now = o.now ?? Date.now;
  const started = now();
  const seenSteps = new Map<string, number>();
  const done = new Map<string, Outcome>();
  /** Ours, once seen: its id, or its position when it has none. */
  const ours = new Map<string, { id?: string; index: number }>();
  const anonymous = targets.some((t) => t.before.anonymous);
  let history = anonymous;
  let failures = 0;
  let quiet = 0;
  /** The last deployment read: what the timeout names, when the last poll was cut short. */
  let seen: Deployment | undefined;
  const finish = (t: Target, outcome: Outcome) => {
    done.set(key(t.kind, t.refId), outcome);
    o.onEvent({
      type: 'done',
      target: t,
      ok: outcome.ok,
      ...(outcome.step === undefined ? {} : { step: outcome.step }),
      ...(outcome.message === undefined ? {} : { message: outcome.message }),
      ms: now() - started,
    });
  };
  for (;;) {
    let d: Deployment | undefined;
    const withHistory = history;
    try {
      d = parseBody<Deployment>(
        // One attempt per poll: the loop paces its own retries, never on top of the client's.
        await getDeployment(api, id, {
          plans: true,
          logs: true,
          history: withHistory,
          retry: false,
          // On the wall clock the request uses, whatever clock the caller gave.
          deadline: Date.now() + (o.deadline - now()),
        }),
      );
      failures = 0;
      seen = d;
    } catch (err) {
      if (err instanceof InterruptedError) throw err;
      if (!transient(err)) throw err;
      failures++;
      if (now() >= o.deadline) throw timeout(targets, done, now() - started, seen);
      const delay = untilDeadline(backoff(failures, POLL_SCHEDULE), o.deadline, now());
      o.onEvent({ type: 'retry', message: (err as Error).message, delayMs: delay });
      await api.pause(delay, o.signal);
      continue;
    }
    o.onEvent({ type: 'poll' });
    let needHistory = anonymous;
    for (const t of targets) {
      const k = key(t.kind, t.refId);
      if (done.has(k)) continue;
      const r = (d.resources?.[t.kind as keyof Deployment['resources']] ?? []).find(
        (x) => x.ref_id === t.refId,
      );
      if (!r) continue;
      if (t.status !== undefined) {
        if (r.info.status === t.status) finish(t, { target: t, ok: true });
        continue;
      }
      const p = r.info.plan_info;
      const seq = attempts(p, withHistory);
      const known = ours.get(k);
      const i =
        known?.id === undefined && known !== undefined
          ? withHistory
            ? known.index
            : NEED_HISTORY
          : locate(seq, t.before, withHistory, known?.id);
      if (i === NEED_HISTORY) needHistory = true;
      const attempt = i >= 0 ? seq[i] : undefined;
      if (!attempt) continue;
      if (!known)
        ours.set(k, {
          ...(attempt.plan_attempt_id ? { id: attempt.plan_attempt_id } : {}),
          index: i,
        });
      const log = attempt.plan_attempt_log ?? [];
      const shown = seenSteps.get(k) ?? 0;
      for (const step of log.slice(shown))
        o.onEvent({ type: 'step', target: t, step: step.step_id });
      seenSteps.set(k, Math.max(shown, log.length));
      if (p.pending && same(attempt, p.pending)) continue;
      const result = failure(attempt);
      const newerOk =
        !result.ok &&
        seq.slice(i + 1).some((a) => !(p.pending && same(a, p.pending)) && failure(a).ok);
      finish(t, {
        target: t,
        ...result,
        ...(newerOk
          ? {
              supersededBySuccess: true,
              message: `${result.message ?? 'failed'} (a newer plan, started after it, succeeded)`,
            }
          : {}),
      });
    }
    if (done.size < targets.length && settled(targets, done, ours)) quiet++;
    else quiet = 0;
    if (quiet > GRACE_POLLS) {
      for (const t of targets) {
        if (done.has(key(t.kind, t.refId))) continue;
        o.onEvent({ type: 'step', target: t, step: 'no new plan: unchanged' });
        finish(t, { target: t, ok: true, unchanged: true });
      }
    }
    if (done.size === targets.length)
      return targets.map((t) => done.get(key(t.kind, t.refId)) as Outcome);
    history = needHistory;
    if (now() >= o.deadline) throw timeout(targets, done, now() - started, d);
    await api.pause(untilDeadline(o.pollMs ?? 1_000, o.deadline, now()), o.signal);
  }
}

/** Several targets; some showed a new attempt and all of those finished; the rest showed none. */
function settled(
  targets: Target[],
  done: Map<string, Outcome>,
  ours: Map<string, unknown>,
): boolean {
  if (targets.length < 2) return false;
  const keys = targets.map((t) => key(t.kind, t.refId));
  const active = keys.filter((k) => ours.has(k));
  return (
    active.length > 0 &&
    active.every((k) => done.has(k)) &&
    keys.every((k) => done.has(k) || !ours.has(k))
  );
}

function timeout(
  targets: Target[],
  done: Map<string, Outcome>,
  waited: number,
  d?: Deployment,
): WaitTimeoutError {
  const running = targets
    .filter((t) => !done.has(key(t.kind, t.refId)))
    .map((t) => {
      const r = (d?.resources?.[t.kind as keyof Deployment['resources']] ?? []).find(
        (x) => x.ref_id === t.refId,
      );
      if (t.status !== undefined)
        return `${t.kind} ${t.refId} (${r?.info.status ?? 'status unknown'}, not yet ${t.status})`;
      const step = r?.info.plan_info.pending?.plan_attempt_log.at(-1)?.step_id;
      return `${t.kind} ${t.refId}${step ? ` (at step ${step})` : ''}`;
    });
  return new WaitTimeoutError(
    `gave up waiting after ${formatDuration(Math.max(0, waited))} (--wait-timeout); still running: ${running.join(', ')}; the plan goes on in ECE`,
  );
}
