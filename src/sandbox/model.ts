// The sandbox's deployments: resources with their plan attempts, and what
// their status, health and version are at a given moment.

import { type Kind, type Plan, planState } from './plans.js';

export interface Resource {
  kind: Kind;
  refId: string;
  id: string;
  region: string;
  esRefId?: string | undefined;
  /** Every plan attempt in order; the last one may still be running. */
  plans: Plan[];
  /** Instances stopped with instances/_stop. */
  stopped: boolean;
  settings?: Record<string, unknown> | undefined;
  /** Per instance (by name): what the instance commands changed (src/sandbox/instances.ts). */
  overlays?: Record<string, InstanceOverlay>;
}

export interface InstanceOverlay {
  stopped?: boolean;
  maintenance?: boolean;
  /** Moved here by _move. */
  allocator?: string;
}

export interface Deployment {
  id: string;
  name: string;
  alias?: string | undefined;
  createdAt: number;
  lastModified: number;
  requestId?: string | undefined;
  resources: Resource[];
  tags: { key: string; value: string }[];
  hidden: boolean;
  /** A system deployment of the installation (admin console, logging, security). */
  system: boolean;
  /** Bumped on every change: x-cloud-resource-version. */
  version: number;
  owner: string;
}

export type Status =
  | 'initializing'
  | 'stopping'
  | 'stopped'
  | 'restarting'
  | 'reconfiguring'
  | 'started';

export function pendingPlan(r: Resource, now: number): Plan | undefined {
  const last = r.plans.at(-1);
  return last && planState(last, now).phase === 'running' ? last : undefined;
}

/** Attempts that have ended, oldest first. */
export function finishedPlans(r: Resource, now: number): Plan[] {
  return r.plans.filter((p) => planState(p, now).phase !== 'running');
}

/** The plan whose configuration runs now: the last successful create/update/restore. */
export function activePlan(r: Resource, now: number): Plan | undefined {
  return finishedPlans(r, now)
    .filter(
      (p) =>
        p.action !== 'shutdown' && p.action !== 'restart' && planState(p, now).phase === 'success',
    )
    .at(-1);
}

export function isShutDown(r: Resource, now: number): boolean {
  const last = finishedPlans(r, now)
    .filter((p) => planState(p, now).phase === 'success' && p.action !== 'restart')
    .at(-1);
  return last?.action === 'shutdown' && !pendingPlan(r, now);
}

export function resourceStatus(r: Resource, now: number): Status {
  const pending = pendingPlan(r, now);
  if (pending) {
    if (pending.action === 'shutdown') return 'stopping';
    if (pending.action === 'restart') return 'restarting';
    return activePlan(r, now) ? 'reconfiguring' : 'initializing';
  }
  if (isShutDown(r, now) || r.stopped || !activePlan(r, now)) return 'stopped';
  return 'started';
}

/** The plan part of health: the last attempt that ended succeeded. */
export function planHealthy(r: Resource, now: number): boolean {
  const last = finishedPlans(r, now).at(-1);
  return last === undefined || planState(last, now).phase === 'success';
}

/** The attempt shown as `current`: none while a resource has never had a plan succeed. */
export function currentPlan(r: Resource, now: number): Plan | undefined {
  const finished = finishedPlans(r, now);
  if (!finished.some((p) => planState(p, now).phase === 'success')) return undefined;
  return finished.at(-1);
}

export function deploymentShutDown(d: Deployment, now: number): boolean {
  return d.resources.length > 0 && d.resources.every((r) => isShutDown(r, now));
}

/** The stack version a resource runs (or is being given). */
export function resourceVersion(r: Resource, now: number): string | undefined {
  const plan = activePlan(r, now) ?? pendingPlan(r, now) ?? r.plans.at(-1);
  const section = plan?.body[r.kind] as { version?: unknown } | undefined;
  return typeof section?.version === 'string' ? section.version : undefined;
}

/** The topology elements of a plan body that have instances: memory per instance and zone count. */
export function elements(body: Record<string, unknown> | undefined): {
  memory: number;
  zones: number;
}[] {
  const list = (body?.cluster_topology as Record<string, unknown>[] | undefined) ?? [];
  const out: { memory: number; zones: number }[] = [];
  for (const el of list) {
    const size = el.size as { value?: number } | undefined;
    const memory = typeof size?.value === 'number' ? size.value : Number(el.memory_per_node ?? 0);
    if (memory) out.push({ memory, zones: Number(el.zone_count ?? 1) || 1 });
  }
  return out;
}

/** A plan's instances (memory and zone) in topology order: the zones it chose, or its zone count in order. */
export function planned(plan: Plan | undefined): { zone: string; memory: number }[] {
  const out: { zone: string; memory: number }[] = [];
  for (const el of elements(plan?.body))
    for (let z = 0; z < el.zones; z++) {
      const zone = plan?.zones?.[out.length] ?? `ece-zone-${(z % 3) + 1}`;
      out.push({ zone, memory: el.memory });
    }
  return out;
}

/**
 * The plan whose instances a resource holds on the allocators now: a
 * running plan that replaces no running instances (a create, a restore)
 * holds its own from the start, one that could not be placed holds none;
 * otherwise the active plan's stay until the next one succeeds.
 */
export function holdingPlan(r: Resource, now: number): Plan | undefined {
  if (isShutDown(r, now)) return undefined;
  const active = activePlan(r, now);
  const pending = pendingPlan(r, now);
  const placing = pending && (pending.zones !== undefined || pending.failure !== undefined);
  if (placing && !pending.grows) return pending.failure ? undefined : pending;
  // Without a placer (a bare state), a pending creation holds its plan.
  return active ?? pending;
}

/** The instances a resource runs (or last ran), where its plan placed them. */
export function topology(r: Resource, now: number): { zone: string; memory: number }[] {
  const out = planned(holdingPlan(r, now) ?? activePlan(r, now) ?? r.plans.at(-1));
  return out.length ? out : [{ zone: 'ece-zone-1', memory: 1024 }];
}
