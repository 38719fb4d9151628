// Typed calls on one resource of a deployment (/deployments/{id}/{kind}/{ref_id}
// and the Elasticsearch-, APM- and App Search-only operations beside it),
// and on the deployment as a whole where no other file has them (its
// certificate authority, the upgrade assistant, a template migration).
// Request builders for the writes, calls for the reads. Silent.

import type { ApiClient, ApiResponse, RequestOptions } from './client.js';
import { KINDS, type Kind } from './kinds.js';
import { segment } from './path.js';

const deploymentPath = (id: string) => `/deployments/${segment(id)}`;
const resourcePath = (id: string, kind: string, refId: string) =>
  `${deploymentPath(id)}/${segment(kind)}/${segment(refId)}`;

/** The kinds ECE can delete on their own: every one but Elasticsearch (the spec's stateless kinds). */
export const STATELESS_KINDS: readonly Kind[] = KINDS.filter((k) => k !== 'elasticsearch');

/** GET /deployments/{id}/{kind}/{ref_id}: the resource as GET /deployments/{id} lists it. */
export function getResource(
  api: ApiClient,
  id: string,
  kind: string,
  refId: string,
  o: { plans?: boolean; logs?: boolean; history?: boolean; settings?: boolean } = {},
): Promise<ApiResponse> {
  return api.request({
    method: 'GET',
    path: resourcePath(id, kind, refId),
    query: {
      ...(o.plans === undefined ? {} : { show_plans: o.plans }),
      ...(o.logs ? { show_plan_logs: true } : {}),
      ...(o.history ? { show_plan_history: true } : {}),
      ...(o.settings ? { show_settings: true } : {}),
    },
  });
}

/**
 * POST …/{kind}/{ref_id}/_shutdown: Elasticsearch has its own operation, the
 * other kinds share the stateless one; the path is the same shape.
 */
export function resourceShutdownRequest(
  id: string,
  kind: string,
  refId: string,
  q: { skipSnapshot?: boolean | undefined; hide?: boolean | undefined } = {},
): RequestOptions {
  return {
    method: 'POST',
    path: `${resourcePath(id, kind, refId)}/_shutdown`,
    query: {
      ...(q.skipSnapshot ? { skip_snapshot: true } : {}),
      ...(q.hide ? { hide: true } : {}),
    },
  };
}

/** POST …/{kind}/{ref_id}/_restore: a shut-down resource back, its snapshot too if asked. */
export function resourceRestoreRequest(
  id: string,
  kind: string,
  refId: string,
  q: { restoreSnapshot?: boolean | undefined } = {},
): RequestOptions {
  return {
    method: 'POST',
    path: `${resourcePath(id, kind, refId)}/_restore`,
    query: q.restoreSnapshot ? { restore_snapshot: true } : {},
  };
}

/** DELETE …/{stateless kind}/{ref_id}: a shut-down stateless resource removed from the deployment. */
export function resourceDeleteRequest(id: string, kind: string, refId: string): RequestOptions {
  return { method: 'DELETE', path: resourcePath(id, kind, refId), idempotent: false };
}

/**
 * POST …/elasticsearch/{ref_id}/_enable-ilm: moves index curation to ILM
 * policies (the body names the index patterns and their policies).
 */
export function enableIlmRequest(
  id: string,
  refId: string,
  body: unknown,
  validateOnly = false,
): RequestOptions {
  return {
    method: 'POST',
    path: `${resourcePath(id, 'elasticsearch', refId)}/_enable-ilm`,
    query: validateOnly ? { validate_only: true } : {},
    body,
  };
}

/** POST …/elasticsearch/{ref_id}/_enable-slm: snapshots taken by SLM instead of ECE. */
export function enableSlmRequest(id: string, refId: string, validateOnly = false): RequestOptions {
  return {
    method: 'POST',
    path: `${resourcePath(id, 'elasticsearch', refId)}/_enable-slm`,
    query: validateOnly ? { validate_only: true } : {},
  };
}

/** POST …/elasticsearch/{ref_id}/_enable-ccr: the resource and its Kibana made ready for CCR. */
export function enableCcrRequest(id: string, refId: string, validateOnly = false): RequestOptions {
  return {
    method: 'POST',
    path: `${resourcePath(id, 'elasticsearch', refId)}/_enable-ccr`,
    query: validateOnly ? { validate_only: true } : {},
  };
}

/** GET /deployments/{id}/certificate-authority: the CA that signs the deployment's certificates. */
export function getCertificateAuthority(api: ApiClient, id: string): Promise<ApiResponse> {
  return api.request({ method: 'GET', path: `${deploymentPath(id)}/certificate-authority` });
}

/** GET /deployments/{id}/upgrade_assistant/status: whether it is ready for the next major. */
export function getUpgradeAssistantStatus(api: ApiClient, id: string): Promise<ApiResponse> {
  return api.request({ method: 'GET', path: `${deploymentPath(id)}/upgrade_assistant/status` });
}

/** GET /deployments/{id}/migrate_template?template_id=: the update request that would move it. */
export function getTemplateMigration(
  api: ApiClient,
  id: string,
  templateId: string,
): Promise<ApiResponse> {
  return api.request({
    method: 'GET',
    path: `${deploymentPath(id)}/migrate_template`,
    query: { template_id: templateId },
  });
}

/** POST …/apm/{ref_id}/_reset-token: a new secret token (in the answer); the old one stops working. */
export function resetApmTokenRequest(id: string, refId: string): RequestOptions {
  return { method: 'POST', path: `${resourcePath(id, 'apm', refId)}/_reset-token` };
}

const readOnlyPath = (id: string, refId: string) =>
  `${resourcePath(id, 'appsearch', refId)}/read_only_mode`;

/** GET …/appsearch/{ref_id}/read_only_mode. */
export function getAppSearchReadOnly(
  api: ApiClient,
  id: string,
  refId: string,
): Promise<ApiResponse> {
  return api.request({ method: 'GET', path: readOnlyPath(id, refId) });
}

/** PUT …/appsearch/{ref_id}/read_only_mode {enabled}: the same state twice is the same state. */
export function appSearchReadOnlyRequest(
  id: string,
  refId: string,
  enabled: boolean,
): RequestOptions {
  return {
    method: 'PUT',
    path: readOnlyPath(id, refId),
    body: { enabled },
    idempotent: true,
  };
}

/**
 * POST …/elasticsearch/{ref_id}/eligible-remote-clusters: the deployments
 * this one may use as remote clusters (a search; changes nothing).
 */
export function eligibleRemoteClusters(
  api: ApiClient,
  id: string,
  refId: string,
  body?: unknown,
): Promise<ApiResponse> {
  return api.request({
    method: 'POST',
    path: `${resourcePath(id, 'elasticsearch', refId)}/eligible-remote-clusters`,
    ...(body === undefined ? {} : { body }),
    read: true,
    idempotent: true,
  });
}

/** The kinds ECE captures diagnostics of. */
export const DIAGNOSTICS_KINDS = ['elasticsearch', 'kibana'] as const;

/** POST …/{kind}/{ref_id}/diagnostics/_capture: the bundle (a zip) is the answer. */
export function diagnosticsRequest(
  id: string,
  kind: string,
  refId: string,
  o: { mode?: 'full' | 'light' | undefined; timeoutMs?: number | undefined } = {},
): RequestOptions {
  return {
    method: 'POST',
    path: `${resourcePath(id, kind, refId)}/diagnostics/_capture`,
    query: o.mode ? { mode: o.mode } : {},
    ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
  };
}

export interface Overrides {
  /** The instance's memory in MB. */
  capacity?: number;
  /** The disk quota's multiplier of memory. */
  storage_multiplier?: number;
}

/**
 * PUT …/{kind}/{ref_id}/instances/overrides: a size override for every
 * instance of the resource, until its next plan.
 */
export function overridesRequest(
  id: string,
  kind: string,
  refId: string,
  overrides: Overrides,
  restart = false,
): RequestOptions {
  return {
    method: 'PUT',
    path: `${resourcePath(id, kind, refId)}/instances/overrides`,
    body: overrides,
    query: restart ? { restart_after_update: true } : {},
    idempotent: true,
  };
}

/** PUT …/{kind}/{ref_id}/instances/{instance_ids}/overrides: the same for some instances. */
export function instanceOverridesRequest(
  id: string,
  kind: string,
  refId: string,
  instances: readonly string[] | string,
  overrides: Overrides,
  o: { restart?: boolean; ignoreMissing?: boolean } = {},
): RequestOptions {
  const ids = typeof instances === 'string' ? [instances] : instances;
  return {
    method: 'PUT',
    path: `${resourcePath(id, kind, refId)}/instances/${ids.map(segment).join(',')}/overrides`,
    body: overrides,
    query: {
      ...(o.restart ? { restart_after_update: true } : {}),
      ...(o.ignoreMissing ? { ignore_missing: true } : {}),
    },
    idempotent: true,
  };
}
