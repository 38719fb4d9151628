// The sandbox's endpoints: path templates as in the specification, each
// handled against the state. Handlers return a status and a body or throw
// SandboxError.

import type { Principal, SandboxAuth } from './auth.js';
import { TEMPLATES } from './catalog.js';
import { SandboxError } from './errors.js';
import { iso } from './ids.js';
import type { Deployment } from './model.js';
import {
  allocators,
  newUser,
  platformInfo,
  runners,
  type SandboxUser,
  stackVersions,
  templates,
  user,
} from './platform.js';
import { values } from './query.js';
import { DEFAULT_SIZE, search } from './search.js';
import type { SandboxState } from './state.js';
import { deploymentBody, listing, SEARCH_SHOW } from './views.js';

export interface Call {
  principal: Principal;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  path: string;
  /** false for the login endpoint, which is called without credentials. */
  auth?: boolean;
  handle(call: Call): Reply;
}

export interface World {
  state: SandboxState;
  auth: SandboxAuth;
  users: SandboxUser[];
  maintenance: Set<string>;
}

const flag = (q: URLSearchParams, name: string, fallback = false) => {
  const v = q.get(name);
  return v === null ? fallback : v === '' || v === 'true';
};

export function routes(w: World): Route[] {
  const { state, auth } = w;
  const find = (name: string) => {
    const u = w.users.find((x) => x.name === name);
    if (!u) throw new SandboxError(404, 'user.not_found', `User [${name}] cannot be found`);
    return u;
  };
  const userNamed = (name: string) => user(find(name));
  const deployment = (id: string) => {
    const d = state.get(id);
    return { d, headers: resourceHeaders(d) };
  };
  const allocator = (id: string) => {
    for (const z of allocators(state, w.maintenance).zones as {
      allocators: { allocator_id: string }[];
    }[]) {
      const a = z.allocators.find((x) => x.allocator_id === id);
      if (a) return a;
    }
    throw new SandboxError(
      404,
      'allocators.allocator_not_found',
      `Allocator [${id}] cannot be found`,
    );
  };
  return [
    {
      method: 'POST',
      path: '/users/auth/_login',
      auth: false,
      handle: (c) => ({ body: auth.login(c.body) }),
    },
    {
      method: 'POST',
      path: '/users/auth/_refresh',
      handle: (c) => ({ body: auth.refresh(c.principal) }),
    },
    {
      method: 'POST',
      path: '/users/auth/_logout',
      handle: (c) => ({ body: auth.logout(c.principal) }),
    },
    { method: 'GET', path: '/users/auth', handle: (c) => ({ body: auth.info(c.principal) }) },
    { method: 'GET', path: '/user', handle: (c) => ({ body: userNamed(c.principal.user) }) },
    {
      method: 'GET',
      path: '/users/auth/keys',
      handle: (c) => ({ body: auth.listKeys(c.principal.user) }),
    },
    {
      method: 'POST',
      path: '/users/auth/keys',
      handle: (c) => ({ status: 201, body: auth.createKey(c.principal.user, c.body) }),
    },
    {
      method: 'GET',
      path: '/users/auth/keys/{id}',
      handle: (c) => ({ body: auth.getKey(c.principal.user, c.params.id ?? '') }),
    },
    {
      method: 'DELETE',
      path: '/users/auth/keys/{id}',
      handle: (c) => ({ body: auth.deleteKey(c.principal.user, c.params.id ?? '') }),
    },
    { method: 'GET', path: '/users', handle: () => ({ body: { users: w.users.map(user) } }) },
    {
      method: 'POST',
      path: '/users',
      handle: (c) => {
        const u = newUser(c.body, w.users);
        w.users.push(u);
        return { body: user(u) };
      },
    },
    {
      method: 'DELETE',
      path: '/users/{name}',
      handle: (c) => {
        const u = find(c.params.name ?? '');
        if (u.builtin)
          throw new SandboxError(400, 'user.restricted_deletion', `User [${u.name}] is built in`);
        w.users.splice(w.users.indexOf(u), 1);
        return { body: {} };
      },
    },
    {
      method: 'GET',
      path: '/users/{name}',
      handle: (c) => ({ body: userNamed(c.params.name ?? '') }),
    },
    { method: 'GET', path: '/platform', handle: () => ({ body: platformInfo() }) },
    {
      method: 'GET',
      path: '/platform/infrastructure/allocators',
      handle: () => ({ body: allocators(state, w.maintenance) }),
    },
    {
      method: 'GET',
      path: '/platform/infrastructure/allocators/{id}',
      handle: (c) => ({ body: allocator(c.params.id ?? '') }),
    },
    ...(['_start', '_stop'] as const).map((verb) => ({
      method: 'POST',
      path: `/platform/infrastructure/allocators/{id}/maintenance-mode/${verb}`,
      handle: (c: Call) => {
        const id = c.params.id ?? '';
        allocator(id);
        if (verb === '_start') w.maintenance.add(id);
        else w.maintenance.delete(id);
        return { status: 202, body: {} };
      },
    })),
    {
      method: 'GET',
      path: '/platform/infrastructure/runners',
      handle: () => ({ body: runners() }),
    },
    { method: 'GET', path: '/stack/versions', handle: () => ({ body: stackVersions() }) },
    {
      method: 'GET',
      path: '/deployments/templates',
      handle: (c) => ({
        body: templates(c.query.get('region')).map((t) =>
          flag(c.query, 'show_instance_configurations', true)
            ? t
            : { ...t, instance_configurations: [] },
        ),
      }),
    },
    {
      method: 'GET',
      path: '/deployments/templates/{id}',
      handle: (c) => {
        const found = templates(c.query.get('region')).find((t) => t.id === c.params.id);
        if (!found || !TEMPLATES.some((t) => t.id === c.params.id)) {
          throw new SandboxError(
            404,
            'templates.template_not_found',
            `Template [${c.params.id}] cannot be found`,
          );
        }
        const ics = flag(c.query, 'show_instance_configurations', true);
        return { body: ics ? found : { ...found, instance_configurations: [] } };
      },
    },
    {
      method: 'GET',
      path: '/deployments',
      handle: () => ({ body: { deployments: state.list().map(listing) } }),
    },
    {
      method: 'POST',
      path: '/deployments',
      handle: (c) => {
        const reply = state.create(c.body, {
          validateOnly: flag(c.query, 'validate_only'),
          user: c.principal.user,
          ...(c.query.get('request_id') !== null
            ? { requestId: c.query.get('request_id') as string }
            : {}),
          ...(c.query.get('template_id')
            ? { templateId: c.query.get('template_id') as string }
            : {}),
        });
        const made = state.deployments.get(String(reply.body.id));
        return reply.status === 201 && made ? { ...reply, headers: resourceHeaders(made) } : reply;
      },
    },
    {
      method: 'POST',
      path: '/deployments/_search',
      handle: (c) => {
        const docs = state.list().map((d) => deploymentBody(d, state.now(), SEARCH_SHOW));
        const size = c.body.size === undefined ? DEFAULT_SIZE : Number(c.body.size);
        const result = search(docs, {
          size,
          ...(c.body.from !== undefined ? { from: Number(c.body.from) } : {}),
          ...(typeof c.body.cursor === 'string' ? { cursor: c.body.cursor } : {}),
          ...(c.body.query ? { query: c.body.query as Record<string, unknown> } : {}),
          ...(Array.isArray(c.body.sort) ? { sort: c.body.sort } : {}),
        });
        // minimal_metadata moves the hits, cut to those attributes, to their own section.
        const minimal = c.query.get('minimal_metadata');
        const fields =
          minimal
            ?.split(',')
            .map((f) => f.trim())
            .filter(Boolean) ?? [];
        return {
          body: {
            return_count: result.hits.length,
            match_count: result.total,
            deployments: minimal === null ? result.hits : [],
            ...(minimal === null
              ? {}
              : { minimal_metadata: result.hits.map((h) => pick(h, fields)) }),
            ...(result.cursor ? { cursor: result.cursor } : {}),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/deployments/{id}',
      handle: (c) => {
        const { d, headers } = deployment(c.params.id ?? '');
        const show = {
          plans: flag(c.query, 'show_plans', true),
          logs: flag(c.query, 'show_plan_logs'),
          history: flag(c.query, 'show_plan_history'),
          settings: flag(c.query, 'show_settings'),
          metadata: flag(c.query, 'show_metadata'),
          instanceConfigurations: flag(c.query, 'show_instance_configurations', true),
          enrich: flag(c.query, 'enrich_with_template', true),
        };
        return { body: deploymentBody(d, state.now(), show), headers };
      },
    },
    {
      method: 'PUT',
      path: '/deployments/{id}',
      handle: (c) => {
        const { d } = deployment(c.params.id ?? '');
        const version = c.query.get('version');
        if (version !== null && version !== String(d.version)) {
          throw new SandboxError(
            409,
            'deployments.version_conflict',
            `The deployment was changed: version ${version} is not the current version ${d.version}`,
          );
        }
        const body = state.update(d.id, c.body, {
          validateOnly: flag(c.query, 'validate_only'),
          user: c.principal.user,
        });
        return { body, headers: resourceHeaders(d) };
      },
    },
    {
      method: 'DELETE',
      path: '/deployments/{id}',
      handle: (c) => ({ body: state.delete(c.params.id ?? '') }),
    },
    {
      method: 'POST',
      path: '/deployments/{id}/_shutdown',
      handle: (c) => ({
        body: state.shutdown(c.params.id ?? '', c.principal.user, flag(c.query, 'hide')),
      }),
    },
    {
      method: 'POST',
      path: '/deployments/{id}/_restore',
      handle: (c) => ({ body: state.restore(c.params.id ?? '', c.principal.user) }),
    },
    {
      method: 'POST',
      path: '/deployments/{id}/{kind}/{ref}/_restart',
      handle: (c) => ({
        status: 202,
        body: state.restart(
          c.params.id ?? '',
          c.params.kind ?? '',
          c.params.ref ?? '',
          c.principal.user,
          flag(c.query, 'cancel_pending'),
        ),
      }),
    },
    ...(['_stop', '_start'] as const).map((verb) => ({
      method: 'POST',
      path: `/deployments/{id}/{kind}/{ref}/instances/${verb}`,
      handle: (c: Call) => ({
        status: 202,
        body: state.setInstancesStopped(
          c.params.id ?? '',
          c.params.kind ?? '',
          c.params.ref ?? '',
          verb === '_stop',
        ),
      }),
    })),
    {
      method: 'DELETE',
      path: '/deployments/{id}/{kind}/{ref}/plan/pending',
      handle: (c) => ({
        body: state.cancelPending(c.params.id ?? '', c.params.kind ?? '', c.params.ref ?? ''),
      }),
    },
  ];
}

/** x-cloud-resource-version, -created and -last-modified, where the spec declares them. */
function resourceHeaders(d: Deployment): Record<string, string> {
  return {
    'x-cloud-resource-version': String(d.version),
    'x-cloud-resource-created': iso(d.createdAt),
    'x-cloud-resource-last-modified': iso(d.lastModified),
  };
}

/** The attributes of a hit that minimal_metadata names (dotted paths allowed). */
function pick(doc: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values(doc, f);
    if (v.length === 1) out[f] = v[0];
    else if (v.length > 1) out[f] = v;
  }
  return out;
}

/** Matches a concrete path against a template; literal segments win over parameters by route order. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const t = template.split('/');
  const p = path.split('/');
  if (t.length !== p.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const seg = t[i] ?? '';
    const val = p[i] ?? '';
    if (seg.startsWith('{')) {
      if (val === '') return undefined;
      try {
        params[seg.slice(1, -1)] = decodeURIComponent(val);
      } catch {
        return undefined;
      }
    } else if (seg !== val) return undefined;
  }
  return params;
}
