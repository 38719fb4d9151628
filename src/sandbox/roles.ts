// Runner roles: the blueprinter's roles (/platform/infrastructure/blueprinter/roles),
// seeded with the four every ECE installation has — allocator, coordinator,
// director, proxy — and their containers. A role that a runner holds is in
// use: ECE refuses to delete it (400 roles.in_use) unless skip_validations,
// and to drop container sets from it. ?version= is checked against
// role.meta.version (409 roles.version_conflict).

import { invalid, SandboxError } from './errors.js';
import { flag } from './params.js';
import type { Route } from './world.js';

type Doc = Record<string, unknown>;

interface Stored {
  id: string;
  role: Doc;
  created: string;
  modified: string;
  version: number;
}

const SEED_TIME = '2026-01-05T09:00:00.000Z';

const container = (name: string, set: string) => ({
  name,
  container_set_name: set,
  kind: 'docker',
  options: { enabled: true, auths: [], acls: [] },
});

/** The built-in roles and the containers each runs, as ECE ships them. */
const BUILT_IN: Record<string, [string, string][]> = {
  allocator: [
    ['allocator', 'allocators'],
    ['docker-images-housekeeping', 'utilities'],
  ],
  coordinator: [
    ['adminconsole', 'admin-consoles'],
    ['cloud-ui', 'cloud-uis'],
    ['constructor', 'constructors'],
    ['blueprint', 'blueprints'],
  ],
  director: [
    ['director', 'directors'],
    ['zookeeper', 'zookeeper-servers'],
  ],
  proxy: [
    ['proxyv2', 'proxies'],
    ['route-server', 'proxies'],
    ['docker-images-housekeeping', 'utilities'],
  ],
};

const notFound = (id: string) =>
  new SandboxError(404, 'roles.not_found', `Role [${id}] cannot be found`);

/** ECE's checks on a Role. */
function checkedRole(body: unknown): Doc {
  const role = (body ?? {}) as Doc;
  if (typeof role.id !== 'string' || !/^[a-zA-Z0-9._-]{1,64}$/.test(role.id))
    throw invalid('The role needs a valid id', ['id']);
  if (typeof role.auto_blessed !== 'boolean')
    throw invalid('auto_blessed must be true or false', ['auto_blessed']);
  if (!Array.isArray(role.containers)) throw invalid('containers must be a list', ['containers']);
  return role;
}

const sets = (role: Doc) =>
  new Set((role.containers as { container_set_name?: unknown }[]).map((c) => c.container_set_name));

/** The runners, as runners.ts keeps them: roles need to know who holds them. */
export interface RunnerStore {
  runners: Record<string, unknown>[];
  /** The ids of the runners that have the role. */
  holders(role: string): string[];
  /** Set by roles.ts: whether a role exists. */
  roleExists?: (role: string) => boolean;
}

export function roleRoutes(store: RunnerStore): Route[] {
  const roles: Stored[] = Object.entries(BUILT_IN).map(([id, cs]) => ({
    id,
    role: { id, auto_blessed: false, containers: cs.map(([n, s]) => container(n, s)) },
    created: SEED_TIME,
    modified: SEED_TIME,
    version: 1,
  }));
  store.roleExists = (id) => roles.some((r) => r.id === id);
  const find = (id: string) => {
    const r = roles.find((x) => x.id === id);
    if (!r) throw notFound(id);
    return r;
  };
  const meta = (r: Stored) => ({
    created_time: r.created,
    modified_time: r.modified,
    version: String(r.version),
  });
  const aggregate = (r: Stored) => ({
    id: r.id,
    role: { value: r.role, meta: meta(r) },
    blessings: {
      value: {
        runner_ids_to_blessing: Object.fromEntries(
          store.holders(r.id).map((runner) => [runner, { value: true }]),
        ),
      },
      meta: meta(r),
    },
  });
  const checkVersion = (r: Stored, want: string | null) => {
    if (want !== null && want !== String(r.version))
      throw new SandboxError(
        409,
        'roles.version_conflict',
        `Role [${r.id}] is at version ${r.version}, not ${want}`,
      );
  };
  const base = '/platform/infrastructure/blueprinter/roles';
  return [
    { method: 'GET', path: base, handle: () => ({ body: { values: roles.map(aggregate) } }) },
    {
      method: 'POST',
      path: base,
      handle: (c) => {
        const role = checkedRole(c.body.role);
        const id = String(role.id);
        if (roles.some((r) => r.id === id))
          throw new SandboxError(409, 'roles.already_exists', `Role [${id}] already exists`);
        const now = new Date().toISOString();
        const r: Stored = { id, role, created: now, modified: now, version: 1 };
        roles.push(r);
        return { status: 201, body: aggregate(r) };
      },
    },
    {
      method: 'GET',
      path: `${base}/{id}`,
      handle: (c) => ({ body: aggregate(find(c.params.id ?? '')) }),
    },
    {
      method: 'PUT',
      path: `${base}/{id}`,
      handle: (c) => {
        const r = find(c.params.id ?? '');
        checkVersion(r, c.query.get('version'));
        const role = checkedRole(c.body);
        if (role.id !== r.id)
          throw invalid(`The body's id [${String(role.id)}] is not the role [${r.id}]`, ['id']);
        const kept = sets(role);
        const dropped = [...sets(r.role)].filter((s) => !kept.has(s));
        if (dropped.length && store.holders(r.id).length)
          throw new SandboxError(
            400,
            'roles.in_use',
            `Role [${r.id}] is running container sets [${dropped.join(', ')}] on runners [${store.holders(r.id).join(', ')}]`,
          );
        r.role = role;
        r.version += 1;
        r.modified = new Date().toISOString();
        return { body: aggregate(r) };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handle: (c) => {
        const r = find(c.params.id ?? '');
        checkVersion(r, c.query.get('version'));
        const holders = store.holders(r.id);
        if (holders.length && !flag(c.query, 'skip_validations', false))
          throw new SandboxError(
            400,
            'roles.in_use',
            `Role [${r.id}] is currently running container sets on runners [${holders.join(', ')}]`,
          );
        roles.splice(roles.indexOf(r), 1);
        return { body: {} };
      },
    },
  ];
}
