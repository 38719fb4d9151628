// The plan attempts of a deployment as `plan history`, `plan logs` and
// `plan watch` see them: numbered per resource, which one runs now, and the
// running ones as targets for the follower. Pure functions over a GET's body.

import { attempts, same } from './attempts.js';
import type { Deployment, PlanAttempt, ResourceInfo } from './deployments.js';
import { eachResource, type Target } from './plans.js';

/** One attempt of one resource, numbered from 1 (oldest) as `plan history` shows it. */
export interface HistoryEntry {
  kind: string;
  refId: string;
  number: number;
  attempt: PlanAttempt;
  /** The resource's pending attempt: still running. */
  running: boolean;
  /** The resource's current attempt. */
  current: boolean;
}

export interface ResourceFilter {
  kind?: string | undefined;
  refId?: string | undefined;
}

function selected(d: Deployment, f: ResourceFilter): { kind: string; r: ResourceInfo }[] {
  return eachResource(d).filter(
    ({ kind, r }) => (!f.kind || kind === f.kind) && (!f.refId || r.ref_id === f.refId),
  );
}

/** Every attempt of the selected resources, oldest first per resource (history, current, pending). */
export function planHistory(d: Deployment, f: ResourceFilter = {}): HistoryEntry[][] {
  return selected(d, f).map(({ kind, r }) => {
    const p = r.info.plan_info;
    return attempts(p, true).map((attempt, i) => ({
      kind,
      refId: r.ref_id,
      number: i + 1,
      attempt,
      running: p.pending !== undefined && same(attempt, p.pending),
      current: p.current !== undefined && same(attempt, p.current),
    }));
  });
}

/**
 * Targets for the plans that run now (pending attempts) on the selected
 * resources: each is "ours", as if we had started it, so the follower
 * treats every older attempt as what came before.
 */
export function pendingTargets(d: Deployment, f: ResourceFilter = {}): Target[] {
  return selected(d, f).flatMap(({ kind, r }) => {
    const p = r.info.plan_info;
    if (!p.pending) return [];
    const pending = p.pending;
    const seq = attempts(p, true);
    const i = seq.findIndex((a) => same(a, pending));
    const older = seq.slice(0, i);
    return [
      {
        kind,
        refId: r.ref_id,
        before: {
          ids: new Set(older.flatMap((a) => (a.plan_attempt_id ? [a.plan_attempt_id] : []))),
          count: i,
          anonymous: seq.some((a) => !a.plan_attempt_id),
          status: r.info.status,
        },
      },
    ];
  });
}
