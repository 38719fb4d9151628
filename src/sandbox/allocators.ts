// The sandbox's allocators: three hosts, one per zone, holding the instances
// of the running deployments. A plan that places instances (create, update,
// restore) chooses their zones when it starts, by free memory (`placer`):
// each instance goes to its zone's allocator when that has room, else to
// another zone's, and a plan that does not fit fails at allocate-instances.
// While it runs, its new instances take room beside the old ones. An instance
// stays where its active plan put it until a move plan
// (allocators/{id}/clusters/_move) takes it elsewhere; while that plan runs
// it shows `moving` at its source and its memory is reserved at its target.
// Like plans, placement is derived from the clock, so nothing runs in the
// background. Metadata, deletions and the overview live here; the endpoints
// are in allocator-routes.ts.

import { REGION } from './catalog.js';
import { SandboxError } from './errors.js';
import {
  activePlan,
  type Deployment,
  elements,
  holdingPlan,
  isShutDown,
  pendingPlan,
  planned,
  type Resource,
  topology,
} from './model.js';
import { type Plan, planState } from './plans.js';
import type { Placer, SandboxState } from './state.js';
import type { World } from './world.js';

export const ZONES = ['ece-zone-1', 'ece-zone-2', 'ece-zone-3'];
export const HOSTS = ZONES.map((zone, i) => ({
  ip: `192.168.44.${10 + i}`,
  name: `ece-host-${i + 1}.ece.local`,
  zone,
}));
export const ALLOCATOR_MEMORY = 65_536;

/** One instance's move: where it goes, and the plan that takes it there. */
export interface Move {
  instance: string;
  from: string;
  to: string;
  plan: Plan;
}

/** Moves per resource, oldest first (a WeakMap: they go with the resource). */
const MOVES = new WeakMap<Resource, Move[]>();

export function recordMove(r: Resource, move: Move): void {
  const list = MOVES.get(r) ?? [];
  list.push(move);
  MOVES.set(r, list);
}

/** The allocator of a zone (the sandbox has one per zone). */
export const hostOf = (zone: string) =>
  HOSTS.find((h) => h.zone === zone)?.ip ?? HOSTS[0]?.ip ?? '';

/** The zone of an allocator. */
export const zoneOf = (allocator: string) => HOSTS.find((h) => h.ip === allocator)?.zone;

/**
 * Where an instance runs now (its zone's allocator: a move that succeeded
 * is the active plan, with the new zones), and where it is moving to while
 * its move plan runs.
 */
export function placement(
  r: Resource,
  instance: string,
  zone: string,
  now: number,
): { at: string; movingTo?: string } {
  const at = hostOf(zone);
  let movingTo: string | undefined;
  for (const m of MOVES.get(r) ?? [])
    if (m.instance === instance && planState(m.plan, now).phase === 'running') movingTo = m.to;
  return movingTo === undefined ? { at } : { at, movingTo };
}

/** The allocator an instance runs on (for the deployment views). */
export const allocatorOf = (r: Resource, instance: string, zone: string, now: number) =>
  placement(r, instance, zone, now).at;

export interface PlacedInstance {
  d: Deployment;
  r: Resource;
  name: string;
  /** Its place in the resource's topology (instance-000000000N). */
  index: number;
  memory: number;
  at: string;
  movingTo?: string | undefined;
}

/** Every instance of every running resource, with its placement. */
export function instances(state: SandboxState, now = state.now()): PlacedInstance[] {
  const out: PlacedInstance[] = [];
  for (const d of state.list())
    for (const r of d.resources) {
      // A creation that failed holds nothing; a shut-down resource neither.
      if (!holdingPlan(r, now)) continue;
      topology(r, now).forEach((t, i) => {
        const name = `instance-${String(i).padStart(10, '0')}`;
        const p = placement(r, name, t.zone, now);
        out.push({ d, r, name, index: i, memory: t.memory, at: p.at, movingTo: p.movingTo });
      });
    }
  return out;
}

/** What the allocator endpoints keep beyond the deployments: metadata and deletions. */
interface AllocatorState {
  metadata: Map<string, { key: string; value: string }[]>;
  deleted: Set<string>;
}
const WORLDS = new WeakMap<SandboxState, AllocatorState>();

export function allocatorState(state: SandboxState): AllocatorState {
  let s = WORLDS.get(state);
  if (!s) {
    s = {
      metadata: new Map(HOSTS.map((h, i) => [h.ip, [{ key: 'rack', value: `r${i + 1}` }]])),
      deleted: new Set(),
    };
    WORLDS.set(state, s);
  }
  return s;
}

export const liveHosts = (state: SandboxState) =>
  HOSTS.filter((h) => !allocatorState(state).deleted.has(h.ip));

/** Memory used on each allocator, counting what moves under way will bring. */
export function usedMemory(placed: PlacedInstance[]): Map<string, number> {
  const used = new Map<string, number>();
  for (const i of placed) {
    used.set(i.at, (used.get(i.at) ?? 0) + i.memory);
    if (i.movingTo) used.set(i.movingTo, (used.get(i.movingTo) ?? 0) + i.memory);
  }
  return used;
}

/**
 * Memory taken on each allocator: the instances, what moves will bring, and
 * the new instances of plans under way on resources that already run (ECE
 * grows, then shrinks). `alongside`: resources of a request not yet applied.
 */
export function usage(
  state: SandboxState,
  now = state.now(),
  alongside: readonly Resource[] = [],
): Map<string, number> {
  const used = usedMemory(instances(state, now));
  const reserve = (plan: Plan) => {
    for (const t of planned(plan))
      used.set(hostOf(t.zone), (used.get(hostOf(t.zone)) ?? 0) + t.memory);
  };
  for (const d of state.list())
    for (const r of d.resources) {
      const pending = pendingPlan(r, now);
      const moving = MOVES.get(r)?.some((m) => m.plan === pending);
      if (pending?.zones && pending.grows && !moving) reserve(pending);
    }
  for (const r of alongside) {
    const plan = r.plans.at(-1);
    if (plan?.zones) reserve(plan);
  }
  return used;
}

/**
 * Chooses the zones of a plan's instances by free memory: each instance
 * where the resource runs it now, else in its zone (the zone count in
 * order), else in any other zone whose allocator has room and is not in
 * maintenance; the instances of one topology element in different zones.
 * Nothing fits: the plan fails with the reason.
 */
export function placer(state: SandboxState, maintenance: Set<string>): Placer {
  return (r, body, at, alongside) => {
    const used = usage(state, at, alongside);
    const free = new Map(
      liveHosts(state)
        .filter((h) => !maintenance.has(h.ip))
        .map((h) => [h.zone, ALLOCATOR_MEMORY - (used.get(h.ip) ?? 0)]),
    );
    const current = activePlan(r, at) && !isShutDown(r, at) ? topology(r, at) : [];
    const zones: string[] = [];
    for (const el of elements(body)) {
      const taken = new Set<string>();
      for (let z = 0; z < el.zones; z++) {
        const order = [current[zones.length]?.zone, ZONES[z % ZONES.length], ...ZONES];
        const zone = order.find(
          (x): x is string => x !== undefined && !taken.has(x) && (free.get(x) ?? 0) >= el.memory,
        );
        if (!zone) {
          const most = Math.max(0, ...[...free.values()]);
          return {
            error: `Not enough capacity to allocate [${el.zones}] instance(s) of [${el.memory}MB] in different zones of [${REGION}]: the most free memory on an allocator is [${most}MB]`,
          };
        }
        taken.add(zone);
        free.set(zone, (free.get(zone) ?? 0) - el.memory);
        zones.push(zone);
      }
    }
    return { zones };
  };
}

/** AllocatorInfo for each allocator that was not deleted, in zone order. */
export function allocatorInfos(
  state: SandboxState,
  maintenance: Set<string>,
): Record<string, unknown>[] {
  const placed = instances(state);
  const used = usage(state);
  const s = allocatorState(state);
  return liveHosts(state).map((h) => ({
    allocator_id: h.ip,
    zone_id: h.zone,
    host_ip: h.ip,
    public_hostname: h.name,
    region: REGION,
    capacity: {
      memory: { total: ALLOCATOR_MEMORY, used: used.get(h.ip) ?? 0 },
      storage: { total: 1_048_576 },
    },
    status: { connected: true, healthy: true, maintenance_mode: maintenance.has(h.ip) },
    settings: {},
    features: ['apm', 'elasticsearch', 'integrations_server', 'kibana', 'ssd', 'tinyauth'],
    instances: placed
      .filter((i) => i.at === h.ip)
      .map((i) => ({
        cluster_id: i.r.id,
        cluster_type: i.r.kind,
        cluster_name: i.d.name,
        deployment_id: i.d.id,
        instance_name: i.name,
        node_memory: i.memory,
        healthy: true,
        cluster_healthy: true,
        moving: i.movingTo !== undefined,
      })),
    metadata: s.metadata.get(h.ip) ?? [],
    external_links: [],
  }));
}

/** AllocatorOverview: the allocators grouped by zone (zones without any are left out). */
export function overview(infos: Record<string, unknown>[]): Record<string, unknown> {
  return {
    zones: ZONES.flatMap((zone_id) => {
      const allocators = infos.filter((a) => a.zone_id === zone_id);
      return allocators.length ? [{ zone_id, allocators }] : [];
    }),
  };
}

/** GET /platform/infrastructure/allocators. */
export function allocators(state: SandboxState, maintenance: Set<string>): Record<string, unknown> {
  return overview(allocatorInfos(state, maintenance));
}

export function findAllocator(w: World, id: string): Record<string, unknown> {
  const a = allocatorInfos(w.state, w.maintenance).find((x) => x.allocator_id === id);
  if (!a)
    throw new SandboxError(
      404,
      'allocators.allocator_not_found',
      `Allocator [${id}] cannot be found`,
    );
  return a;
}
