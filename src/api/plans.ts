// Following the plans a command started, to the end. It knows which attempts
// existed before (their ids), so an older plan is never taken for the new
// one, however many polls fail in between; it reads each attempt's log so
// every step is reported in order; it ends at success, failure or the
// deadline. Silent: it reports through callbacks.

import { formatDuration } from '../duration.js';
import { ApiError, InterruptedError, NetworkError, WaitTimeoutError } from '../errors.js';
import { sleep } from '../sleep.js';
import { parseBody } from './body.js';
import type { ApiClient } from './client.js';
import {
  type Deployment,
  getDeployment,
  type PlanAttempt,
  type ResourceInfo,
} from './deployments.js';
import { KINDS } from './kinds.js';

export interface Target {
  kind: string;
  refId: string;
  /** Attempt ids that existed before the change: never the one to wait for. */
  before: Set<string>;
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
  step?: string | undefined;
  message?: string | undefined;
}

const key = (kind: string, refId: string) => `${kind}/${refId}`;

/** The attempt ids each resource has now: what a change must not be confused with. */
export async function snapshot(api: ApiClient, id: string): Promise<Map<string, Set<string>>> {
  const d = parseBody<Deployment>(await getDeployment(api, id, { plans: true, history: true }));
  const out = new Map<string, Set<string>>();
  for (const { kind, r } of eachResource(d)) {
    const p = r.info.plan_info;
    const ids = [p.current, p.pending, ...(p.history ?? [])].flatMap((a) =>
      a?.plan_attempt_id ? [a.plan_attempt_id] : [],
    );
    out.set(key(kind, r.ref_id), new Set(ids));
  }
  return out;
}

/** Targets for resources named `kind/ref_id`, with what each had before the change. */
export function targetsFor(keys: Iterable<string>, before: Map<string, Set<string>>): Target[] {
  return [...keys].map((k) => {
    const [kind = '', refId = ''] = k.split('/');
    return { kind, refId, before: before.get(k) ?? new Set<string>() };
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
  let history = false;
  let failures = 0;
  for (;;) {
    let d: Deployment | undefined;
    try {
      d = parseBody<Deployment>(await getDeployment(api, id, { plans: true, logs: true, history }));
      failures = 0;
    } catch (err) {
      if (err instanceof InterruptedError) throw err;
      if (!transient(err)) throw err;
      failures++;
      const delay = Math.min(10_000, 500 * 2 ** (failures - 1));
      if (now() >= o.deadline) throw timeout(targets, done, now() - started);
      o.onEvent({ type: 'retry', message: (err as Error).message, delayMs: delay });
      await sleep(Math.min(delay, o.deadline - now()), o.signal);
      continue;
    }
    o.onEvent({ type: 'poll' });
    let missing = false;
    for (const t of targets) {
      const k = key(t.kind, t.refId);
      if (done.has(k)) continue;
      const r = (d.resources?.[t.kind as keyof Deployment['resources']] ?? []).find(
        (x) => x.ref_id === t.refId,
      );
      if (!r) {
        missing = true;
        continue;
      }
      if (t.status !== undefined) {
        if (r.info.status === t.status) {
          done.set(k, { target: t, ok: true });
          o.onEvent({ type: 'done', target: t, ok: true, ms: now() - started });
        }
        continue;
      }
      const p = r.info.plan_info;
      const ours = (a: PlanAttempt | undefined) =>
        a !== undefined && a.plan_attempt_id !== undefined && !t.before.has(a.plan_attempt_id);
      const running = ours(p.pending) ? p.pending : undefined;
      const finished = running ? undefined : [p.current, ...(p.history ?? [])].find(ours);
      const attempt = running ?? finished;
      if (!attempt) {
        // Not started yet, or already superseded: look in the history next time.
        missing = true;
        continue;
      }
      const log = attempt.plan_attempt_log ?? [];
      const shown = seenSteps.get(k) ?? 0;
      for (const step of log.slice(shown))
        o.onEvent({ type: 'step', target: t, step: step.step_id });
      seenSteps.set(k, Math.max(shown, log.length));
      if (finished) {
        const failedStep = [...log].reverse().find((s) => s.status === 'error');
        const ok = finished.healthy && !finished.error && !failedStep;
        const outcome: Outcome = {
          target: t,
          ok,
          ...(ok
            ? {}
            : {
                step: failedStep?.step_id ?? log.at(-1)?.step_id,
                message: finished.error?.message ?? failedMessage(failedStep),
              }),
        };
        done.set(k, outcome);
        o.onEvent({
          type: 'done',
          target: t,
          ok,
          step: outcome.step,
          message: outcome.message,
          ms: now() - started,
        } as WaitEvent);
      }
    }
    if (done.size === targets.length)
      return targets.map((t) => done.get(key(t.kind, t.refId)) as Outcome);
    history = missing;
    if (now() >= o.deadline) throw timeout(targets, done, now() - started, d);
    await sleep(Math.min(o.pollMs ?? 1_000, o.deadline - now()), o.signal);
  }
}

function failedMessage(
  step: PlanAttempt['plan_attempt_log'][number] | undefined,
): string | undefined {
  return step?.info_log?.filter((l) => l.message).at(-1)?.message;
}

function transient(err: unknown): boolean {
  if (err instanceof NetworkError) return true;
  return err instanceof ApiError && (err.status >= 500 || err.status === 429);
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
      const step = r?.info.plan_info.pending?.plan_attempt_log.at(-1)?.step_id;
      return `${t.kind} ${t.refId}${step ? ` (at step ${step})` : ''}`;
    });
  return new WaitTimeoutError(
    `gave up waiting after ${formatDuration(Math.max(0, waited))} (--wait-timeout); still running: ${running.join(', ')}; the plan goes on in ECE`,
  );
}
