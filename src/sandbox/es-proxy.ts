// The Elasticsearch side of a deployment, as far as ECE exposes it: the
// proxy (/deployments/{id}/elasticsearch/{ref_id}/proxy/{path}), which
// answers a few read paths of a running cluster and 404s the rest as
// Elasticsearch does; the elastic user's _reset-password; and
// clear_transient on a deployment read.

import { randomBytes } from 'node:crypto';
import { SandboxError } from './errors.js';
import { resourceStatus, resourceVersion, topology } from './model.js';
import type { SandboxState } from './state.js';
import type { Call, Reply, Route } from './world.js';

const PROXY = '/deployments/{id}/{kind}/{ref}/proxy/{proxy_path}';

export function esRoutes(state: SandboxState): Route[] {
  const proxy = (method: string): Route => ({
    method,
    path: PROXY,
    handle: (c) => proxied(state, method, c),
  });
  return [
    proxy('GET'),
    proxy('POST'),
    proxy('PUT'),
    proxy('DELETE'),
    {
      method: 'POST',
      path: '/deployments/{id}/elasticsearch/{ref}/_reset-password',
      handle: (c) => {
        const d = state.get(c.params.id ?? '');
        state.resource(d, 'elasticsearch', c.params.ref ?? '');
        // ECE's generated passwords: 24 characters of letters and digits.
        const password = randomBytes(18).toString('base64').replace(/[+/]/g, 'x');
        return { body: { username: 'elastic', password } };
      },
    },
  ];
}

function proxied(state: SandboxState, method: string, c: Call): Reply {
  const d = state.get(c.params.id ?? '');
  if (c.headers['x-management-request'] !== 'true') {
    throw new SandboxError(
      400,
      'root.invalid_request',
      'The proxy requires the header X-Management-Request: true',
    );
  }
  const r = state.resource(d, c.params.kind ?? '', c.params.ref ?? '');
  const now = state.now();
  if (r.kind !== 'elasticsearch' || resourceStatus(r, now) !== 'started') {
    throw new SandboxError(
      502,
      'clusters.cluster_unavailable',
      `The ${r.kind} resource [${r.refId}] of deployment [${d.id}] is not running`,
    );
  }
  const path = `/${c.params.proxy_path ?? ''}`;
  const nodes = topology(r, now).length;
  const version = resourceVersion(r, now) ?? '';
  if (method === 'GET' && path === '/') {
    return {
      body: {
        name: 'instance-0000000000',
        cluster_name: r.id,
        cluster_uuid: r.id.slice(0, 22),
        version: { number: version, build_flavor: 'default', build_type: 'docker' },
        tagline: 'You Know, for Search',
      },
    };
  }
  if (method === 'GET' && path === '/_cluster/health') {
    return {
      body: {
        cluster_name: r.id,
        status: 'green',
        timed_out: false,
        number_of_nodes: nodes,
        number_of_data_nodes: nodes,
        active_primary_shards: 3,
        active_shards: 3 * Math.min(nodes, 2),
        relocating_shards: 0,
        initializing_shards: 0,
        unassigned_shards: 0,
        delayed_unassigned_shards: 0,
        number_of_pending_tasks: 0,
        number_of_in_flight_fetch: 0,
        task_max_waiting_in_queue_millis: 0,
        active_shards_percent_as_number: 100.0,
      },
    };
  }
  if (method === 'GET' && path === '/_cat/indices') {
    const rows = [
      { health: 'green', status: 'open', index: '.kibana_1', 'docs.count': '12' },
      { health: 'green', status: 'open', index: 'logs-2026.12.01', 'docs.count': '3041' },
    ];
    if (c.query.get('format') === 'json') return { body: rows };
    return {
      body: rows,
      text: `${rows.map((x) => `${x.health} ${x.status} ${x.index} ${x['docs.count']}`).join('\n')}\n`,
      headers: { 'content-type': 'text/plain; charset=UTF-8' },
    };
  }
  // Creating an index (`PUT /logs`), as docs/deployments.md shows it: answered
  // as Elasticsearch does, nothing kept (the sandbox holds no indices).
  if (method === 'PUT' && /^\/[a-z0-9][^/_]*$/.test(path)) {
    return { body: { acknowledged: true, shards_acknowledged: true, index: path.slice(1) } };
  }
  // What Elasticsearch answers for a path it has no handler for.
  return {
    status: 404,
    body: {
      error: `no handler found for uri [${path}] and method [${method}]`,
      status: 404,
    },
  };
}

/** clear_transient: a plan without its one-off instructions, safe to send back. */
export function clearTransient(body: Record<string, unknown>): Record<string, unknown> {
  const resources = body.resources as Record<string, { info?: { plan_info?: PlanInfo } }[]>;
  for (const list of Object.values(resources ?? {})) {
    for (const r of list) {
      const info = r.info?.plan_info;
      if (!info) continue;
      for (const attempt of [info.current, info.pending, ...(info.history ?? [])]) {
        if (attempt?.plan && 'transient' in attempt.plan) {
          const { transient: _, ...rest } = attempt.plan;
          attempt.plan = rest;
        }
      }
    }
  }
  return body;
}

interface PlanInfo {
  current?: { plan?: Record<string, unknown> };
  pending?: { plan?: Record<string, unknown> };
  history?: { plan?: Record<string, unknown> }[];
}
