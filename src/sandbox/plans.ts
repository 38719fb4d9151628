// Plans that evolve with the clock. A plan stores when it started, how long
// it takes and its steps; its state at any moment is derived from the time,
// so no timers run and a plan read twice at the same moment reads the same.

import { iso } from './ids.js';

/**
 * The resource kinds of a deployment, in ECE's order. The sandbox's own list,
 * like all its checks (DESIGN.md: it validates with its own code and the
 * spec, never the client's), so that a kind the client forgets is caught.
 */
export const KINDS = [
  'elasticsearch',
  'kibana',
  'apm',
  'integrations_server',
  'enterprise_search',
  'appsearch',
] as const;
export type Kind = (typeof KINDS)[number];

export type PlanAction = 'create' | 'update' | 'shutdown' | 'restore' | 'restart' | 'start';

export interface Plan {
  attemptId: string;
  action: PlanAction;
  started: number;
  durationMs: number;
  steps: string[];
  /** Index of the step at which this plan fails, if it does. */
  failAt?: number | undefined;
  /** Set when the pending plan was cancelled. */
  cancelledAt?: number | undefined;
  /** The plan body (ElasticsearchClusterPlan, KibanaClusterPlan, …). */
  body: Record<string, unknown>;
  user: string;
  /**
   * The zone of each instance (in topology order) once this plan has run:
   * chosen by free memory when it started (allocators.ts), or where a move
   * takes them. Absent on plans that place nothing (shutdown, restart).
   */
  zones?: string[] | undefined;
  /**
   * Its instances come beside running ones (an update or a move of a
   * running resource: ECE grows, then shrinks), rather than in place of
   * none (a create, a restore).
   */
  grows?: boolean | undefined;
  /** Why the plan fails, when it is not instances that stay unhealthy (no capacity). */
  failure?: { message: string; type: string } | undefined;
}

export type PlanPhase = 'running' | 'success' | 'error';

export interface PlanState {
  phase: PlanPhase;
  /** When it ended (success, failure or cancellation). */
  ended?: number;
  /** Index of the step running now, or of the step that failed. */
  step: number;
}

const STEPS: Record<PlanAction, (kind: Kind) => string[]> = {
  create: (kind) =>
    kind === 'elasticsearch'
      ? [
          'plan-validator',
          'validate-plan-prerequisites',
          'ensure-bundles',
          'allocate-instances',
          'start-instances',
          'wait-until-running',
          'wait-until-masters-elected',
          'apply-cluster-license',
          'apply-plan-settings',
          'plan-completed',
        ]
      : [
          'plan-validator',
          'allocate-instances',
          'start-instances',
          'wait-until-running',
          'plan-completed',
        ],
  update: (kind) =>
    kind === 'elasticsearch'
      ? [
          'plan-validator',
          'validate-plan-prerequisites',
          'suspend-snapshotting',
          'allocate-instances',
          'migrate-data',
          'wait-until-running',
          'remove-old-instances',
          'resume-snapshotting',
          'plan-completed',
        ]
      : [
          'plan-validator',
          'allocate-instances',
          'wait-until-running',
          'remove-old-instances',
          'plan-completed',
        ],
  shutdown: (kind) =>
    kind === 'elasticsearch'
      ? ['plan-validator', 'snapshot-cluster', 'stop-instances', 'clean-up', 'plan-completed']
      : ['plan-validator', 'stop-instances', 'clean-up', 'plan-completed'],
  restore: () => [
    'plan-validator',
    'allocate-instances',
    'start-instances',
    'wait-until-running',
    'plan-completed',
  ],
  restart: () => ['plan-validator', 'restart-instances', 'wait-until-running', 'plan-completed'],
  // _restart of a shut-down resource: ECE starts it (restore_snapshot defaults to true).
  start: () => [
    'plan-validator',
    'allocate-instances',
    'start-instances',
    'wait-until-running',
    'restore-snapshot',
    'plan-completed',
  ],
};

export function planSteps(action: PlanAction, kind: Kind): string[] {
  return STEPS[action](kind);
}

export function planState(plan: Plan, now: number): PlanState {
  const n = plan.steps.length;
  const stepMs = plan.durationMs / n;
  const elapsed = now - plan.started;
  if (plan.failAt !== undefined) {
    const failTime = plan.started + (plan.failAt + 1) * stepMs;
    if (now >= failTime && (plan.cancelledAt === undefined || plan.cancelledAt >= failTime)) {
      return { phase: 'error', ended: Math.round(failTime), step: plan.failAt };
    }
  }
  if (plan.cancelledAt !== undefined && plan.cancelledAt <= now) {
    const step = Math.min(n - 1, Math.floor((plan.cancelledAt - plan.started) / stepMs));
    return { phase: 'error', ended: plan.cancelledAt, step };
  }
  if (elapsed >= plan.durationMs)
    return { phase: 'success', ended: plan.started + plan.durationMs, step: n - 1 };
  return { phase: 'running', step: Math.max(0, Math.floor(elapsed / stepMs)) };
}

export interface PlanInfoOptions {
  logs: boolean;
  plan: boolean;
}

/** The plan as ECE's *PlanInfo: attempt times, the log of steps, the error. */
export function planInfo(plan: Plan, now: number, opts: PlanInfoOptions): Record<string, unknown> {
  const state = planState(plan, now);
  const stepMs = plan.durationMs / plan.steps.length;
  const info: Record<string, unknown> = {
    plan_attempt_id: plan.attemptId,
    plan_attempt_name: `attempt-${plan.attemptId.slice(-10)}`,
    healthy: state.phase !== 'error',
    attempt_start_time: iso(plan.started),
    source: {
      facilitator: 'adminconsole',
      action: `deployments.${plan.action === 'start' ? 'restart' : plan.action}-deployment`,
      date: iso(plan.started),
      user_id: plan.user,
      remote_addresses: ['127.0.0.1'],
    },
    warnings: [],
    plan_attempt_log: opts.logs ? attemptLog(plan, state, now, stepMs) : [],
  };
  if (opts.plan) info.plan = plan.body;
  if (state.ended !== undefined) {
    info.attempt_end_time = iso(state.ended);
    if (state.phase === 'success') info.plan_end_time = iso(state.ended);
  }
  if (state.phase === 'error' && state.ended !== undefined) {
    info.error = {
      timestamp: iso(state.ended),
      message: failureMessage(plan),
      details: { step: plan.steps[state.step] ?? '' },
      failure_type:
        plan.failure?.type ??
        (plan.cancelledAt !== undefined ? 'Cancelled' : 'ClusterFailure:InstancesUnhealthy'),
    };
  }
  return info;
}

function failureMessage(plan: Plan): string {
  if (plan.failure) return plan.failure.message;
  if (plan.cancelledAt !== undefined && plan.failAt === undefined)
    return 'The plan was cancelled by a user';
  return 'Instances did not become healthy in time: [instance-0000000001] failed health checks';
}

function attemptLog(
  plan: Plan,
  state: PlanState,
  now: number,
  stepMs: number,
): Record<string, unknown>[] {
  const last = state.phase === 'success' ? plan.steps.length - 1 : state.step;
  const log: Record<string, unknown>[] = [];
  for (let i = 0; i <= last; i++) {
    const started = Math.round(plan.started + i * stepMs);
    const stepId = plan.steps[i] ?? `step-${i}`;
    const running = state.phase === 'running' && i === state.step;
    const failed = state.phase === 'error' && i === state.step;
    const completed = running
      ? undefined
      : Math.min(Math.round(started + stepMs), state.ended ?? now);
    const entry: Record<string, unknown> = {
      step_id: stepId,
      started: iso(started),
      status: failed ? 'error' : running ? 'pending' : 'success',
      stage: running ? 'in_progress' : 'completed',
      info_log: [
        {
          timestamp: iso(started),
          stage: 'starting',
          message: `Starting step: [${stepId}]`,
          details: {},
        },
        ...(completed === undefined
          ? []
          : [
              {
                timestamp: iso(completed),
                delta_in_millis: completed - started,
                stage: 'completed',
                message: failed ? failureMessage(plan) : `Finished step: [${stepId}]`,
                details: {},
                ...(failed
                  ? { failure_type: plan.failure?.type ?? 'ClusterFailure:InstancesUnhealthy' }
                  : {}),
              },
            ]),
      ],
    };
    if (completed !== undefined) {
      entry.completed = iso(completed);
      entry.duration_in_millis = completed - started;
    }
    log.push(entry);
  }
  if (state.phase === 'error' && plan.steps[state.step] !== 'plan-completed') {
    // ECE ends a failed attempt's log with plan-completed, in error too.
    const at = iso(state.ended ?? now);
    log.push({
      step_id: 'plan-completed',
      started: at,
      completed: at,
      duration_in_millis: 0,
      status: 'error',
      stage: 'completed',
      info_log: [
        {
          timestamp: at,
          stage: 'starting',
          message: 'Starting step: [plan-completed]',
          details: {},
        },
        {
          timestamp: at,
          delta_in_millis: 0,
          stage: 'completed',
          message: `Plan failed: ${failureMessage(plan)}`,
          details: {},
        },
      ],
    });
  }
  return log;
}
