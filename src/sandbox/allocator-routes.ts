// The allocator endpoints beyond list/show/maintenance: search, delete,
// metadata, and moving instances off an allocator (move-clusters and its
// per-kind variant):
// the body names resources per kind (`elasticsearch_clusters[].cluster_ids`,
// …), or nothing for everything on the allocator. With validate_only the
// answer carries each resource's calculated plan and nothing changes;
// otherwise each resource gets a plan (an update's steps) that takes its
// instances there to other allocators — the preferred ones of the plan
// override when they have room, else any with room that is not in
// maintenance. A resource that cannot move is in `failures`: no room
// anywhere, a plan still pending, or not on this allocator. A deployment
// whose name contains `fail-move` gets a move plan that fails (a fault knob
// for scripts and tests), and its instances stay where they were.

import {
  ALLOCATOR_MEMORY,
  allocatorInfos,
  allocatorState,
  findAllocator,
  instances,
  liveHosts,
  overview,
  type PlacedInstance,
  recordMove,
  usage,
  zoneOf,
} from './allocators.js';
import { invalid, SandboxError } from './errors.js';
import { pendingPlan, topology } from './model.js';
import { flag } from './params.js';
import { matches } from './query.js';
import { lastBody } from './validate.js';
import type { Call, Route, World } from './world.js';

/** The kinds the move API takes, and their lists in MoveClustersRequest/Details. */
export const MOVE_KINDS = ['elasticsearch', 'kibana', 'apm', 'appsearch', 'enterprise_search'];
const list = (kind: string) => `${kind}_clusters`;

export const PLAN_PENDING =
  'There is a plan still pending, cancel that or wait for it to complete before restarting';

type Details = Record<string, Record<string, unknown>[]>;
const emptyDetails = (): Details => Object.fromEntries(MOVE_KINDS.map((k) => [list(k), []]));

interface Wanted {
  kind: string;
  id: string;
  preferred: string[];
}

export function allocatorRoutes(w: World): Route[] {
  const base = '/platform/infrastructure/allocators/{id}/clusters';
  return [
    ...adminRoutes(w),
    { method: 'POST', path: `${base}/_move`, handle: (c) => move(w, c, undefined) },
    {
      method: 'POST',
      path: `${base}/{cluster_type}/_move`,
      handle: (c) => {
        const kind = c.params.cluster_type ?? '';
        if (!MOVE_KINDS.includes(kind))
          throw invalid(`cluster_type must be one of ${MOVE_KINDS.join(', ')}`, ['cluster_type']);
        return move(w, c, kind);
      },
    },
  ];
}

function move(w: World, c: Call, only: string | undefined) {
  const from = c.params.id ?? '';
  findAllocator(w, from);
  const validateOnly = flag(c.query, 'validate_only', false);
  const moveOnly = flag(c.query, 'move_only', true);
  const down = c.query.get('allocator_down');
  const now = w.state.now();
  const placed = instances(w.state);
  const here = placed.filter((i) => i.at === from && !i.movingTo);
  const wanted = requested(c.body, only, here);
  const moves = emptyDetails();
  const failures = emptyDetails();
  const used = usage(w.state, now);
  for (const want of wanted) {
    const mine = here.filter((i) => i.r.id === want.id && i.r.kind === want.kind);
    const fail = (code: string, message: string) =>
      failures[list(want.kind)]?.push({ cluster_id: want.id, errors: [{ code, message }] });
    const first = mine[0];
    if (!first) {
      fail(
        'clusters.cluster_not_found',
        `The ${want.kind} cluster [${want.id}] has no instance on allocator [${from}]`,
      );
      continue;
    }
    if (pendingPlan(first.r, now)) {
      fail('clusters.cluster_plan_state_error', PLAN_PENDING);
      continue;
    }
    const targets = chooseTargets(w, from, mine, want.preferred, used);
    if (!targets) {
      fail(
        'clusters.cluster_insufficient_capacity',
        `No allocator has room for the ${want.kind} cluster [${want.id}] outside allocator [${from}]`,
      );
      continue;
    }
    const plan_configuration = {
      move_allocators: [{ from, ...(down === null ? {} : { allocator_down: down === 'true' }) }],
      ...(want.kind === 'elasticsearch' ? { move_only: moveOnly } : {}),
      ...(want.preferred.length ? { preferred_allocators: want.preferred } : {}),
    };
    moves[list(want.kind)]?.push({ cluster_id: want.id, calculated_plan: { plan_configuration } });
    if (validateOnly) continue;
    for (const [i, to] of targets.entries())
      used.set(to, (used.get(to) ?? 0) + (mine[i]?.memory ?? 0));
    const { d, r } = first;
    // Where every instance of the resource will be once the move succeeds.
    const zones = topology(r, now).map((t) => t.zone);
    for (const [i, inst] of mine.entries()) zones[inst.index] = zoneOf(targets[i] ?? from) ?? '';
    w.state.startPlan(
      r,
      d.name,
      'update',
      lastBody(r, now),
      c.principal.user,
      now,
      undefined,
      false,
    );
    const plan = r.plans.at(-1);
    if (!plan) continue;
    plan.zones = zones;
    if (d.name.includes('fail-move')) plan.failAt = plan.steps.length - 3;
    for (const [i, inst] of mine.entries())
      recordMove(r, { instance: inst.name, from, to: targets[i] ?? from, plan });
    w.state.touch(d);
  }
  return { status: 202, body: { moves, failures } };
}

/** The resources a request names, or every one on the allocator (of the path's kind). */
function requested(
  body: Record<string, unknown>,
  only: string | undefined,
  here: PlacedInstance[],
): Wanted[] {
  const kinds = only ? [only] : MOVE_KINDS;
  const out: Wanted[] = [];
  let named = false;
  for (const kind of kinds) {
    const entries = body[list(kind)];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) throw invalid(`${list(kind)} must be a list`, [list(kind)]);
    for (const e of entries as Record<string, unknown>[]) {
      const ids = e?.cluster_ids;
      if (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string'))
        throw invalid(`${list(kind)}[].cluster_ids must be a list of ids`, [list(kind)]);
      const override = e.plan_override as { plan_configuration?: Record<string, unknown> };
      const pref = override?.plan_configuration?.preferred_allocators;
      const preferred = Array.isArray(pref) ? pref.filter((p) => typeof p === 'string') : [];
      for (const id of ids as string[]) {
        named = true;
        if (!out.some((x) => x.id === id && x.kind === kind)) out.push({ kind, id, preferred });
      }
    }
  }
  if (named) return out;
  for (const i of here) {
    if (!kinds.includes(i.r.kind)) continue;
    if (!out.some((x) => x.id === i.r.id)) out.push({ kind: i.r.kind, id: i.r.id, preferred: [] });
  }
  return out;
}

/** A target for each instance: preferred allocators with room first, then any with room. */
function chooseTargets(
  w: World,
  from: string,
  mine: PlacedInstance[],
  preferred: string[],
  used: Map<string, number>,
): string[] | undefined {
  const free = new Map(
    liveHosts(w.state)
      .filter((h) => h.ip !== from && !w.maintenance.has(h.ip))
      .map((h) => [h.ip, ALLOCATOR_MEMORY - (used.get(h.ip) ?? 0)]),
  );
  const order = [
    ...preferred.filter((p) => free.has(p)),
    ...[...free.keys()].filter((k) => !preferred.includes(k)),
  ];
  const out: string[] = [];
  for (const inst of mine) {
    // Instances of one resource go to different allocators where they can.
    const fits = order.filter((a) => (free.get(a) ?? 0) >= inst.memory);
    const to = fits.find((a) => !out.includes(a)) ?? fits[0];
    if (!to) return undefined;
    free.set(to, (free.get(to) ?? 0) - inst.memory);
    out.push(to);
  }
  return out;
}

/** Search, delete and metadata. */
function adminRoutes(w: World): Route[] {
  const base = '/platform/infrastructure/allocators';
  const s = allocatorState(w.state);
  const metadata = (id: string) => {
    findAllocator(w, id);
    return s.metadata.get(id) ?? [];
  };
  return [
    {
      method: 'POST',
      path: `${base}/_search`,
      handle: (c) => {
        const query = (c.body.query ?? { match_all: {} }) as Record<string, unknown>;
        const size = c.body.size ?? 100;
        const from = c.body.from ?? 0;
        if (!Number.isInteger(size) || !Number.isInteger(from) || Number(size) < 0)
          throw invalid('size and from must be whole numbers', ['size']);
        const hits = allocatorInfos(w.state, w.maintenance).filter((a) => matches(query, a));
        return { body: overview(hits.slice(Number(from), Number(from) + Number(size))) };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        const a = findAllocator(w, id);
        const n = (a.instances as unknown[]).length;
        // remove_instances=true forgets what a lost host still lists.
        if (n > 0 && !flag(c.query, 'remove_instances', false))
          throw new SandboxError(
            400,
            'allocators.delete_allocator_with_instances_attempt',
            `Allocator [${id}] cannot be deleted: it still runs [${n}] instances; move them first`,
          );
        s.deleted.add(id);
        w.maintenance.delete(id);
        return { body: {} };
      },
    },
    {
      method: 'GET',
      path: `${base}/{id}/metadata`,
      handle: (c) => ({ body: metadata(c.params.id ?? '') }),
    },
    {
      method: 'PUT',
      path: `${base}/{id}/metadata/{key}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        const key = c.params.key ?? '';
        const items = metadata(id);
        const value = c.body.value;
        if (typeof value !== 'string' || value === '')
          throw new SandboxError(
            400,
            'allocators.invalid_empty_metadata_item',
            `The value of metadata item [${key}] is empty`,
            ['value'],
          );
        const next = [...items.filter((m) => m.key !== key), { key, value }];
        s.metadata.set(id, next);
        return { body: next };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{id}/metadata/{key}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        const next = metadata(id).filter((m) => m.key !== c.params.key);
        s.metadata.set(id, next);
        return { body: next };
      },
    },
  ];
}
