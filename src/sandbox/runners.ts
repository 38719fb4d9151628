// Runners (/platform/infrastructure/runners) with state: the hosts of
// platform.ts's runners(), whose roles can be set, which can be searched,
// resynchronised and deleted. A runner is deleted only when its host runs no
// instance any more (ECE: 400 runners.runner_deletion_failed); roles are the
// blueprinter's (roles.ts), which share this store to know who uses them.

import { allocators } from './allocators.js';
import { SandboxError } from './errors.js';
import { runners } from './platform.js';
import { matches, type Query } from './query.js';
import { type RunnerStore, roleRoutes } from './roles.js';
import type { SandboxState } from './state.js';
import type { Route } from './world.js';

type Doc = Record<string, unknown>;

const notFound = (id: string) =>
  new SandboxError(404, 'runners.runner_not_found', `Runner [${id}] cannot be found`);

const roleNames = (r: Doc) => ((r.roles ?? []) as { role_name: string }[]).map((x) => x.role_name);

export function runnerRoutes(state: SandboxState, maintenance: Set<string>): Route[] {
  const store: RunnerStore = {
    runners: (runners().runners as Doc[]).map((r) => structuredClone(r)),
    holders: (role) =>
      store.runners.filter((r) => roleNames(r).includes(role)).map((r) => String(r.runner_id)),
  };
  const find = (id: string) => {
    const r = store.runners.find((x) => x.runner_id === id);
    if (!r) throw notFound(id);
    return r;
  };
  /** The instances the allocator on the runner's host runs now. */
  const instancesOn = (id: string): number => {
    const zones = allocators(state, maintenance).zones as {
      allocators: { allocator_id: string; instances: unknown[] }[];
    }[];
    for (const z of zones)
      for (const a of z.allocators) if (a.allocator_id === id) return a.instances.length;
    return 0;
  };
  const base = '/platform/infrastructure/runners';
  return [
    { method: 'GET', path: base, handle: () => ({ body: { runners: store.runners } }) },
    {
      method: 'POST',
      path: `${base}/_search`,
      handle: (c) => {
        const body = c.body as { query?: Query; size?: unknown; from?: unknown };
        const size = typeof body.size === 'number' ? body.size : 100;
        const from = typeof body.from === 'number' ? body.from : 0;
        let hits: Doc[];
        try {
          hits = body.query
            ? store.runners.filter((r) => matches(body.query as Query, r))
            : store.runners;
        } catch (err) {
          if (err instanceof SandboxError)
            throw new SandboxError(400, 'runners.search_failed', err.message, err.fields);
          throw err;
        }
        return { body: { runners: hits.slice(from, from + size) } };
      },
    },
    {
      method: 'POST',
      path: `${base}/_resync`,
      handle: () => ({
        status: 202,
        body: {
          results: {
            runners: {
              created: [],
              updated: store.runners.map((r) => String(r.runner_id)),
              deleted: [],
              errors: [],
            },
          },
        },
      }),
    },
    {
      method: 'GET',
      path: `${base}/{id}`,
      handle: (c) => ({ body: find(c.params.id ?? '') }),
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handle: (c) => {
        const r = find(c.params.id ?? '');
        const id = String(r.runner_id);
        const n = instancesOn(id);
        if (n > 0)
          throw new SandboxError(
            400,
            'runners.runner_deletion_failed',
            `Runner [${id}] could not be deleted: it still runs ${n} instance${n === 1 ? '' : 's'}; move them off first`,
          );
        store.runners.splice(store.runners.indexOf(r), 1);
        return { body: {} };
      },
    },
    {
      method: 'POST',
      path: `${base}/{id}/_resync`,
      handle: (c) => {
        find(c.params.id ?? '');
        return { body: {} };
      },
    },
    {
      method: 'PUT',
      path: `${base}/{id}/roles`,
      handle: (c) => {
        const r = find(c.params.id ?? '');
        const roles = c.body.roles;
        if (!Array.isArray(roles))
          throw new SandboxError(400, 'runners.runner_set_roles_failed', 'roles must be a list', [
            'roles',
          ]);
        const names = roles.map((x) => (x as { role_name?: unknown })?.role_name);
        const bad = names.find((n) => typeof n !== 'string' || !(store.roleExists?.(n) ?? true));
        if (bad !== undefined)
          throw new SandboxError(
            400,
            'runners.runner_set_roles_failed',
            `Role [${String(bad)}] does not exist`,
            ['roles'],
          );
        r.roles = [...new Set(names as string[])].map((role_name) => ({ role_name }));
        return { body: { roles: r.roles } };
      },
    },
    ...roleRoutes(store),
  ];
}
