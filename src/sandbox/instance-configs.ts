// Instance configurations (/platform/configuration/instances): the ones the
// templates of the catalog use, system-owned, plus whatever a user creates.
// A delete is soft, as on ECE: the configuration is hidden unless
// show_deleted=true; a system-owned one cannot be deleted.

import { randomBytes } from 'node:crypto';
import { INSTANCE_CONFIGURATIONS, SIZES } from './catalog.js';
import { invalid, SandboxError } from './errors.js';
import { flag } from './params.js';
import type { Route } from './world.js';

const TYPES = [
  'elasticsearch',
  'kibana',
  'apm',
  'integrations_server',
  'appsearch',
  'enterprise_search',
];

const NODE_TYPES: Record<string, string[]> = {
  'data.default': ['data', 'ingest', 'master'],
  master: ['master'],
  ml: ['ml'],
};

type Config = Record<string, unknown> & { id: string };

function seed(): Config[] {
  return INSTANCE_CONFIGURATIONS.map(({ id, kind }) => ({
    id,
    name: id,
    description: `The ${id} instance configuration of the installation`,
    instance_type: kind,
    ...(kind === 'elasticsearch' ? { node_types: NODE_TYPES[id] ?? [] } : {}),
    discrete_sizes: {
      sizes: SIZES,
      default_size: kind === 'elasticsearch' ? 4096 : 1024,
      resource: 'memory',
    },
    storage_multiplier: kind === 'elasticsearch' ? 32 : 4,
    cpu_multiplier: 1,
    system_owned: true,
  }));
}

const notFound = (id: string) =>
  new SandboxError(
    404,
    'configuration.instance_configuration_not_found',
    `Instance configuration [${id}] cannot be found`,
  );

/** The checks ECE makes on a body before it stores it. */
function checked(body: Record<string, unknown>, id: string): Config {
  if (typeof body.name !== 'string' || body.name.trim() === '')
    throw invalid('An instance configuration needs a name', ['name']);
  const type = body.instance_type;
  if (typeof type !== 'string' || !TYPES.includes(type))
    throw invalid(`instance_type must be one of ${TYPES.join(', ')}`, ['instance_type']);
  const sizes = (body.discrete_sizes ?? {}) as { sizes?: unknown; default_size?: unknown };
  if (
    !Array.isArray(sizes.sizes) ||
    sizes.sizes.length === 0 ||
    sizes.sizes.some((s) => !Number.isInteger(s) || s <= 0)
  )
    throw invalid('discrete_sizes.sizes must list positive sizes', ['discrete_sizes.sizes']);
  if (sizes.default_size !== undefined && !sizes.sizes.includes(sizes.default_size))
    throw invalid('discrete_sizes.default_size must be one of the sizes', [
      'discrete_sizes.default_size',
    ]);
  const { config_version: _v, deleted_on: _d, system_owned: _s, ...rest } = body;
  return { ...rest, id, system_owned: false };
}

export function instanceConfigRoutes(): Route[] {
  const configs = seed();
  const deleted = new Map<string, string>();
  const find = (id: string, showDeleted = false) => {
    const c = configs.find((x) => x.id === id);
    if (!c || (deleted.has(id) && !showDeleted)) throw notFound(id);
    return c;
  };
  const view = (c: Config) => (deleted.has(c.id) ? { ...c, deleted_on: deleted.get(c.id) } : c);
  const base = '/platform/configuration/instances';
  return [
    {
      method: 'GET',
      path: base,
      handle: (c) => {
        const all = flag(c.query, 'show_deleted', false);
        return { body: configs.filter((x) => all || !deleted.has(x.id)).map(view) };
      },
    },
    {
      method: 'POST',
      path: base,
      handle: (c) => {
        const id = typeof c.body.id === 'string' ? c.body.id : randomBytes(16).toString('hex');
        if (!/^[a-zA-Z0-9._-]{1,64}$/.test(id)) throw invalid('The id is not valid', ['id']);
        if (configs.some((x) => x.id === id))
          throw new SandboxError(
            409,
            'configuration.instance_configuration_already_exists',
            `Instance configuration [${id}] already exists`,
          );
        configs.push(checked(c.body, id));
        return { status: 201, body: { id } };
      },
    },
    {
      method: 'GET',
      path: `${base}/{id}`,
      handle: (c) => ({
        body: view(find(c.params.id ?? '', flag(c.query, 'show_deleted', false))),
      }),
    },
    {
      method: 'PUT',
      path: `${base}/{id}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        if (typeof c.body.id === 'string' && c.body.id !== id)
          throw invalid(`The body's id [${c.body.id}] is not the id in the path [${id}]`, ['id']);
        const next = checked(c.body, id);
        const i = configs.findIndex((x) => x.id === id);
        if (i >= 0 && !deleted.has(id)) {
          configs[i] = { ...next, system_owned: configs[i]?.system_owned === true };
          return { body: { id } };
        }
        // A deleted configuration's id can be used again.
        if (i >= 0) configs.splice(i, 1);
        deleted.delete(id);
        configs.push(next);
        return { status: 201, body: { id } };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handle: (c) => {
        const cfg = find(c.params.id ?? '');
        if (cfg.system_owned === true)
          throw new SandboxError(
            400,
            'configuration.system_owned',
            `Instance configuration [${cfg.id}] is system owned and cannot be deleted`,
          );
        deleted.set(cfg.id, new Date().toISOString());
        return { body: {} };
      },
    },
  ];
}
