// Plan attempts of one resource, as ECE reports them: which one is ours
// (the first absent from a read taken before the change — by id, else by
// position in the history), and how a finished one ended. Pure functions.

import type { PlanAttempt, PlanStep, ResourceInfo } from './deployments.js';

/** What a resource had before the change. */
export interface Before {
  /** Attempt ids: never the one to wait for. */
  ids: Set<string>;
  /** How many attempts (history, current and pending) it had. */
  count: number;
  /** Some attempt had no plan_attempt_id: ours is found by position. */
  anonymous: boolean;
  status?: string;
}

export const NOTHING_BEFORE: Before = { ids: new Set(), count: 0, anonymous: false };

export function same(a: PlanAttempt, b: PlanAttempt): boolean {
  if (a === b) return true;
  if (a.plan_attempt_id || b.plan_attempt_id) return a.plan_attempt_id === b.plan_attempt_id;
  // Two answers describe one attempt with the same start (ECE's clock on both sides).
  return a.attempt_start_time !== undefined && a.attempt_start_time === b.attempt_start_time;
}

/** Attempts oldest first: the history, then current and pending if not in it. */
export function attempts(
  p: ResourceInfo['info']['plan_info'],
  withHistory: boolean,
): PlanAttempt[] {
  const seq: PlanAttempt[] = withHistory ? [...(p.history ?? [])] : [];
  for (const a of [p.current, p.pending]) if (a && !seq.some((b) => same(a, b))) seq.push(a);
  return seq;
}

export const NEED_HISTORY = -2;
export const NOT_YET = -1;

/** Where ours is in `seq`, NOT_YET, or NEED_HISTORY when only the history can tell. */
export function locate(
  seq: PlanAttempt[],
  b: Before,
  withHistory: boolean,
  known?: string,
): number {
  if (known !== undefined) {
    const i = seq.findIndex((a) => a.plan_attempt_id === known);
    return i >= 0 ? i : withHistory ? NOT_YET : NEED_HISTORY;
  }
  if (!b.anonymous) {
    const i = seq.findIndex((a) => a.plan_attempt_id && !b.ids.has(a.plan_attempt_id));
    if (i >= 0) return i;
  }
  if (b.anonymous || seq.some((a) => !a.plan_attempt_id)) {
    if (!withHistory) return NEED_HISTORY;
    return seq.length > b.count ? b.count : NOT_YET;
  }
  // Not started yet, or a failed creation or a superseded plan: only in the history.
  return withHistory ? NOT_YET : NEED_HISTORY;
}

/** The failing step is the last error other than plan-completed (which ECE marks too). */
export function failure(a: PlanAttempt): { ok: boolean; step?: string; message?: string } {
  const log = a.plan_attempt_log ?? [];
  const errors = log.filter((s) => s.status === 'error');
  const ok = a.healthy !== false && !a.error && errors.length === 0;
  if (ok) return { ok };
  const step = errors.filter((s) => s.step_id !== 'plan-completed').at(-1) ?? errors.at(-1);
  const message = lastMessage(step) ?? a.error?.message;
  return {
    ok,
    step: step?.step_id ?? log.at(-1)?.step_id,
    ...(message === undefined ? {} : { message }),
  };
}

function lastMessage(step: PlanStep | undefined): string | undefined {
  return step?.info_log?.filter((l) => l.message).at(-1)?.message;
}
