// Commands on one resource of a deployment: _restart (ECE's rules on
// pending plans and shut-down resources), instances/_stop and _start, and
// cancelling a pending plan.

import { SandboxError } from './errors.js';
import { isShutDown, pendingPlan } from './model.js';
import type { SandboxState } from './state.js';
import { lastBody } from './validate.js';

/**
 * _restart: refused while a plan is pending unless cancel_pending; a
 * shut-down resource is started again.
 */
export function restart(
  state: SandboxState,
  id: string,
  kind: string,
  refId: string,
  user: string,
  cancelPending = false,
): Record<string, unknown> {
  const d = state.get(id);
  const r = state.resource(d, kind, refId);
  const now = state.now();
  const pending = pendingPlan(r, now);
  if (pending && !cancelPending) {
    throw new SandboxError(
      422,
      'deployments.deployment_resource_plan_change_error',
      `The ${kind} resource [${r.refId}] of deployment [${d.id}] has a pending plan: wait for it to finish or restart with cancel_pending=true`,
    );
  }
  if (pending) pending.cancelledAt = now;
  const action = isShutDown(r, now) ? 'start' : 'restart';
  r.stopped = false;
  state.startPlan(r, d.name, action, lastBody(r, now), user, now);
  state.touch(d);
  return {};
}

export function setInstancesStopped(
  state: SandboxState,
  id: string,
  kind: string,
  refId: string,
  stopped: boolean,
): Record<string, unknown> {
  const d = state.get(id);
  const r = state.resource(d, kind, refId);
  if (isShutDown(r, state.now())) {
    throw new SandboxError(
      400,
      'clusters.command_prohibited',
      `The ${kind} resource [${refId}] is shut down`,
    );
  }
  r.stopped = stopped;
  // Every instance: those stopped one by one too (src/sandbox/instances.ts).
  for (const o of Object.values(r.overlays ?? {})) delete o.stopped;
  state.touch(d);
  return {};
}

export function cancelPending(
  state: SandboxState,
  id: string,
  kind: string,
  refId: string,
): Record<string, unknown> {
  const d = state.get(id);
  const r = state.resource(d, kind, refId);
  const now = state.now();
  const pending = pendingPlan(r, now);
  if (!pending) {
    throw new SandboxError(
      400,
      'deployments.resource_does_not_have_a_pending_plan',
      `The ${kind} resource [${refId}] does not have a pending plan`,
    );
  }
  pending.cancelledAt = now;
  state.touch(d);
  return { id: d.id, kind, ref_id: refId };
}
