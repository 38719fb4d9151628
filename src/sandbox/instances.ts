// The instance endpoints of the sandbox: stop/start and maintenance mode for
// chosen instances (or all), moving Elasticsearch instances (a plan runs, the
// allocator changes), the search-index resync, and the dumps (dumps.ts). What they change is kept
// per instance on the resource (`overlays`) and shows in the deployment's
// `info.topology.instances`. Errors as ECE's: an unknown instance is 404
// deployments.instances_missing_on_update_error unless ignore_missing.

import { dumpRoutes } from './dumps.js';
import { SandboxError } from './errors.js';
import type { InstanceOverlay, Resource } from './model.js';
import { isShutDown, topology } from './model.js';
import { flag } from './params.js';
import type { SandboxState } from './state.js';
import { lastBody } from './validate.js';
import type { Call, Route } from './world.js';

/** The sandbox's allocators: one per zone (src/sandbox/platform.ts). */
export const ALLOCATORS = ['192.168.44.10', '192.168.44.11', '192.168.44.12'];

export const instanceName = (i: number) => `instance-${String(i).padStart(10, '0')}`;

interface Shown {
  instance_name: string;
  allocator_id: string;
  healthy: boolean;
  container_started: boolean;
  service_running: boolean;
  maintenance_mode: boolean;
}

/** An instance as views.ts builds it, with what the instance commands changed. */
export function withOverlay<T extends Shown>(r: Resource, shown: T): T {
  const o = r.overlays?.[shown.instance_name];
  if (!o) return shown;
  const out = { ...shown };
  if (o.allocator) out.allocator_id = o.allocator;
  if (o.maintenance) out.maintenance_mode = true;
  if (o.stopped) {
    out.healthy = false;
    out.container_started = false;
    out.service_running = false;
  }
  return out;
}

/** The names of the instances a resource has now (none while shut down). */
export function instanceNames(r: Resource, now: number): string[] {
  if (isShutDown(r, now)) return [];
  return topology(r, now).map((_t, i) => instanceName(i));
}

function overlay(r: Resource, name: string): InstanceOverlay {
  r.overlays ??= {};
  r.overlays[name] ??= {};
  return r.overlays[name];
}

/** The instances named in `{instance_ids}` that exist; a missing one is ECE's 404 unless ignored. */
function chosen(r: Resource, ids: string, c: Call, now: number): string[] {
  const known = instanceNames(r, now);
  const names = ids.split(',').filter((n) => n !== '');
  const missing = names.filter((n) => !known.includes(n));
  if (missing.length && !flag(c.query, 'ignore_missing'))
    throw new SandboxError(
      404,
      'deployments.instances_missing_on_update_error',
      `Instances [${missing.join(', ')}] do not exist in the ${r.kind} resource [${r.refId}]`,
    );
  return names.filter((n) => known.includes(n));
}

export function instanceRoutes(state: SandboxState): Route[] {
  const resource = (c: Call) => {
    const d = state.get(c.params.id ?? '');
    return { d, r: state.resource(d, c.params.kind ?? '', c.params.ref ?? '') };
  };
  const change = (c: Call, names: string[] | 'all', set: (o: InstanceOverlay) => void) => {
    const { d, r } = resource(c);
    const now = state.now();
    const list = names === 'all' ? instanceNames(r, now) : names;
    for (const n of list) set(overlay(r, n));
    state.touch(d);
    return { status: 202, body: {} };
  };
  const some = (c: Call) => {
    const { r } = resource(c);
    return chosen(r, c.params.ids ?? '', c, state.now());
  };
  const maintenance = (on: boolean) => (o: InstanceOverlay) => {
    o.maintenance = on;
  };
  const stopped = (on: boolean) => (o: InstanceOverlay) => {
    o.stopped = on;
  };
  const base = '/deployments/{id}/{kind}/{ref}/instances';
  return [
    // The every-instance maintenance routes first: `{ids}` would match "maintenance-mode".
    ...([true, false] as const).map((on) => ({
      method: 'POST',
      path: `${base}/maintenance-mode/${on ? '_start' : '_stop'}`,
      handle: (c: Call) => change(c, 'all', maintenance(on)),
    })),
    ...([true, false] as const).map((on) => ({
      method: 'POST',
      path: `${base}/{ids}/maintenance-mode/${on ? '_start' : '_stop'}`,
      handle: (c: Call) => change(c, some(c), maintenance(on)),
    })),
    ...([true, false] as const).map((on) => ({
      method: 'POST',
      path: `${base}/{ids}/${on ? '_stop' : '_start'}`,
      handle: (c: Call) => change(c, some(c), stopped(on)),
    })),
    {
      method: 'POST',
      path: '/deployments/{id}/elasticsearch/{ref}/instances/{ids}/_move',
      handle: (c: Call) => move(state, c),
    },
    {
      method: 'POST',
      path: '/deployments/_resync',
      handle: (c: Call) => {
        const all = !flag(c.query, 'skip_matching_version', true);
        // The sandbox's index is always in step: only a forced resync rewrites documents.
        const ids = all ? state.list().map((d) => d.id) : [];
        return { body: { created: [], updated: ids, deleted: [], errors: [] } };
      },
    },
    {
      method: 'POST',
      path: '/deployments/{id}/_resync',
      handle: (c: Call) => {
        const d = state.get(c.params.id ?? '');
        return { body: { created: [], updated: [d.id], deleted: [], errors: [] } };
      },
    },
    ...dumpRoutes(state, instanceNames),
  ];
}

/**
 * _move: each instance goes to a preferred allocator (in turn) other than
 * its own, or to the next allocator; ECE runs a plan for it. validate_only
 * answers the plan configuration it would apply.
 */
function move(state: SandboxState, c: Call) {
  const d = state.get(c.params.id ?? '');
  const r = state.resource(d, 'elasticsearch', c.params.ref ?? '');
  const now = state.now();
  const names = chosen(r, c.params.ids ?? '', c, now);
  const config = (c.body.plan_configuration ?? {}) as { preferred_allocators?: unknown };
  const preferred = Array.isArray(config.preferred_allocators)
    ? config.preferred_allocators.filter(
        (a): a is string => typeof a === 'string' && ALLOCATORS.includes(a),
      )
    : [];
  if (flag(c.query, 'validate_only'))
    return {
      body: {
        plan_configuration: {
          move_instances: names.map((n) => ({
            from: n,
            ...(preferred.length ? { to: preferred } : {}),
          })),
          preferred_allocators: preferred,
        },
      },
    };
  names.forEach((n, i) => {
    const from = currentAllocator(r, n);
    const options = preferred.filter((a) => a !== from);
    const next = ALLOCATORS[(ALLOCATORS.indexOf(from) + 1) % ALLOCATORS.length] ?? from;
    overlay(r, n).allocator = options.length ? (options[i % options.length] ?? next) : next;
  });
  state.startPlan(r, d.name, 'update', lastBody(r, now), c.principal.user, now);
  state.touch(d);
  return { status: 202, body: {} };
}

/** Where an instance runs: as views.ts places it, unless it was moved. */
function currentAllocator(r: Resource, name: string): string {
  const moved = r.overlays?.[name]?.allocator;
  if (moved) return moved;
  const i = Number(name.slice('instance-'.length));
  return ALLOCATORS[i % ALLOCATORS.length] ?? '';
}
