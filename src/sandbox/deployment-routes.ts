// The deployment endpoints: list, search, get, create, update, shutdown,
// restore, delete, and the per-resource commands.

import { SandboxError } from './errors.js';
import { clearTransient } from './es-proxy.js';
import { iso } from './ids.js';
import type { Deployment } from './model.js';
import { flag } from './params.js';
import { values } from './query.js';
import { cancelPending, restart, setInstancesStopped } from './resource-commands.js';
import { DEFAULT_SIZE, search } from './search.js';
import type { SandboxState } from './state.js';
import { deploymentBody, listing, SEARCH_SHOW } from './views.js';
import type { Call, Route } from './world.js';

export function deploymentRoutes(state: SandboxState): Route[] {
  const deployment = (id: string) => {
    const d = state.get(id);
    return { d, headers: resourceHeaders(d) };
  };
  return [
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
        const body = deploymentBody(d, state.now(), show);
        return { body: flag(c.query, 'clear_transient') ? clearTransient(body) : body, headers };
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
        body: restart(
          state,
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
        body: setInstancesStopped(
          state,
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
        body: cancelPending(state, c.params.id ?? '', c.params.kind ?? '', c.params.ref ?? ''),
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
