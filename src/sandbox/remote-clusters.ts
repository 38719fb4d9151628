// The remote clusters of an Elasticsearch resource: a list that a PUT
// replaces (202, an empty body). Each remote must be an Elasticsearch
// resource of a deployment the sandbox has; aliases follow ECE's rule and
// are unique. GET adds ECE's view of each connection (info). Each change
// bumps the deployment's x-cloud-resource-version.

import { invalid } from './errors.js';
import { resourceStatus } from './model.js';
import type { SandboxState } from './state.js';
import type { Route } from './world.js';

interface Remote {
  alias: string;
  deployment_id: string;
  elasticsearch_ref_id: string;
  skip_unavailable: boolean;
}

const ALIAS = /^[A-Za-z0-9_-]+$/;

export function remoteClusterRoutes(state: SandboxState): Route[] {
  /** `deployment id/resource id` → its remote clusters. */
  const lists = new Map<string, Remote[]>();
  const target = (id: string, ref: string) => {
    const d = state.get(id);
    const r = state.resource(d, 'elasticsearch', ref);
    return { d, key: `${d.id}/${r.id}` };
  };
  return [
    {
      method: 'GET',
      path: '/deployments/{id}/elasticsearch/{ref}/remote-clusters',
      handle: (c) => {
        const { key } = target(c.params.id ?? '', c.params.ref ?? '');
        return { body: { resources: (lists.get(key) ?? []).map((r) => withInfo(state, r)) } };
      },
    },
    {
      method: 'PUT',
      path: '/deployments/{id}/elasticsearch/{ref}/remote-clusters',
      handle: (c) => {
        const { d, key } = target(c.params.id ?? '', c.params.ref ?? '');
        lists.set(key, parseRemotes(state, c.body));
        state.touch(d);
        return { status: 202, body: {} };
      },
    },
  ];
}

function parseRemotes(state: SandboxState, body: Record<string, unknown>): Remote[] {
  if (!Array.isArray(body.resources))
    throw invalid('resources is required and must be an array', ['resources']);
  const seen = new Set<string>();
  return body.resources.map((item: unknown, i) => {
    const at = `resources[${i}]`;
    const r = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    for (const k of ['alias', 'deployment_id', 'elasticsearch_ref_id'])
      if (typeof r[k] !== 'string' || r[k] === '')
        throw invalid(`${at}.${k} is required`, [`${at}.${k}`]);
    const alias = r.alias as string;
    if (!ALIAS.test(alias))
      throw invalid(
        `The alias [${alias}] must only contain letters, digits, dashes and underscores`,
        [`${at}.alias`],
      );
    if (seen.has(alias)) throw invalid(`The alias [${alias}] is used twice`, [`${at}.alias`]);
    seen.add(alias);
    const remote = state.deployments.get(r.deployment_id as string);
    const es = remote?.resources.find(
      (x) => x.kind === 'elasticsearch' && x.refId === r.elasticsearch_ref_id,
    );
    if (!remote || !es)
      throw invalid(
        `The remote deployment [${r.deployment_id}] has no Elasticsearch resource [${r.elasticsearch_ref_id}]`,
        [`${at}.deployment_id`],
      );
    return {
      alias,
      deployment_id: remote.id,
      elasticsearch_ref_id: es.refId,
      skip_unavailable: r.skip_unavailable === true,
    };
  });
}

/** The remote with ECE's view of the connection: up while the remote cluster runs. */
function withInfo(state: SandboxState, r: Remote): Record<string, unknown> {
  const es = state.deployments
    .get(r.deployment_id)
    ?.resources.find((x) => x.kind === 'elasticsearch' && x.refId === r.elasticsearch_ref_id);
  const up = es !== undefined && resourceStatus(es, state.now()) === 'started';
  return {
    ...r,
    info: { healthy: up, connected: up, compatible: true, trusted: true, trusted_back: true },
  };
}
