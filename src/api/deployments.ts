// Typed calls for /deployments. Silent: they return responses or throw.
// Each write has a builder (`…Request`) that returns the request as data, so
// a command can show it under --dry-run or send it with api.request().

import { ResponseError } from '../errors.js';
import type { ApiClient, ApiResponse, RequestOptions } from './client.js';
import type { Kind } from './kinds.js';
import { segment } from './path.js';

export interface DeploymentResource {
  ref_id: string;
  id: string;
  kind: string;
  region: string;
  cloud_id?: string;
  elasticsearch_cluster_ref_id?: string;
  credentials?: { username: string; password: string };
  secret_token?: string;
}

export interface DeploymentListing {
  id: string;
  name: string;
  resources: DeploymentResource[];
}

export interface DeploymentsListResponse {
  deployments: DeploymentListing[];
}

export interface PlanStep {
  step_id: string;
  started: string;
  completed?: string;
  status: 'success' | 'warning' | 'error' | 'pending';
  stage: 'starting' | 'completed' | 'in_progress';
  info_log?: { message: string; stage?: string; failure_type?: string }[];
}

export interface PlanAttempt {
  plan_attempt_id?: string;
  healthy: boolean;
  attempt_start_time?: string;
  attempt_end_time?: string;
  plan_attempt_log: PlanStep[];
  error?: { message: string; failure_type?: string; details?: Record<string, string> };
  plan?: Record<string, unknown>;
}

export interface ResourceInfo {
  ref_id: string;
  id: string;
  region: string;
  info: {
    healthy: boolean;
    status: string;
    plan_info: {
      healthy: boolean;
      current?: PlanAttempt;
      pending?: PlanAttempt;
      history: PlanAttempt[];
    };
    metadata?: { endpoint?: string; service_url?: string; cloud_id?: string };
    topology?: { instances: { service_version?: string }[] };
  };
}

export interface Deployment {
  id: string;
  name: string;
  alias?: string;
  healthy: boolean;
  resources: Partial<Record<Kind, ResourceInfo[]>>;
}

/** A parsed body as a Deployment, or a ResponseError when it is not one. */
export function asDeployment(data: unknown): Deployment {
  const d = data as Partial<Deployment> | null;
  if (!d || typeof d.id !== 'string' || typeof d.resources !== 'object' || d.resources === null) {
    throw new ResponseError('unexpected response from ECE: not a deployment');
  }
  return d as Deployment;
}

export interface GetOptions {
  /** show_plans; left undefined, no parameter is sent and ECE's default (true) applies. */
  plans?: boolean;
  logs?: boolean;
  history?: boolean;
  settings?: boolean;
  metadata?: boolean;
  /** false: one attempt (a poller that paces its own retries). */
  retry?: boolean;
  /** The wait this read is part of ends then (epoch ms): the request ends by it too. */
  deadline?: number;
}

const path = (id: string) => `/deployments/${segment(id)}`;
const resourcePath = (id: string, kind: string, refId: string) =>
  `${path(id)}/${segment(kind)}/${segment(refId)}`;

/** GET /deployments: the raw response, so `--json` can print it unchanged. */
export function listDeployments(api: ApiClient): Promise<ApiResponse> {
  return api.request({ method: 'GET', path: '/deployments' });
}

export function getDeployment(
  api: ApiClient,
  id: string,
  o: GetOptions = {},
): Promise<ApiResponse> {
  return api.request({
    method: 'GET',
    path: path(id),
    query: {
      // Left out, ECE's default applies (plans shown): the GET curl sends.
      ...(o.plans === undefined ? {} : { show_plans: o.plans }),
      ...(o.logs ? { show_plan_logs: true } : {}),
      ...(o.history ? { show_plan_history: true } : {}),
      ...(o.settings ? { show_settings: true } : {}),
      ...(o.metadata ? { show_metadata: true } : {}),
    },
    ...(o.retry === false ? { retry: false } : {}),
    ...(o.deadline === undefined ? {} : { deadline: o.deadline }),
  });
}

/** POST /deployments; with a request_id it is safe to retry (ECE answers the same deployment). */
export function createRequest(
  body: unknown,
  q: { requestId: string; templateId?: string | undefined; validateOnly?: boolean | undefined },
): RequestOptions {
  return {
    method: 'POST',
    path: '/deployments',
    body,
    idempotent: true,
    query: {
      request_id: q.requestId,
      ...(q.templateId ? { template_id: q.templateId } : {}),
      ...(q.validateOnly ? { validate_only: true } : {}),
    },
  };
}

/**
 * PUT /deployments/{id}: a DeploymentUpdateRequest; `version` is the
 * x-cloud-resource-version it was read at (a 409 if it changed since).
 */
export function updateRequest(
  id: string,
  body: unknown,
  q: {
    version?: string | undefined;
    skipSnapshot?: boolean | undefined;
    validateOnly?: boolean | undefined;
  } = {},
): RequestOptions {
  return {
    method: 'PUT',
    path: path(id),
    body,
    query: {
      ...(q.version !== undefined ? { version: q.version } : {}),
      ...(q.skipSnapshot ? { skip_snapshot: true } : {}),
      ...(q.validateOnly ? { validate_only: true } : {}),
    },
  };
}

export function shutdownRequest(
  id: string,
  q: { skipSnapshot?: boolean | undefined },
): RequestOptions {
  return {
    method: 'POST',
    path: `${path(id)}/_shutdown`,
    query: q.skipSnapshot ? { skip_snapshot: true } : {},
  };
}

export function restoreRequest(
  id: string,
  q: { restoreSnapshot?: boolean | undefined },
): RequestOptions {
  return {
    method: 'POST',
    path: `${path(id)}/_restore`,
    query: q.restoreSnapshot ? { restore_snapshot: true } : {},
  };
}

export function deleteRequest(id: string): RequestOptions {
  return { method: 'DELETE', path: path(id), idempotent: false };
}

export function searchDeployments(api: ApiClient, body: unknown): Promise<ApiResponse> {
  // A search changes nothing: safe to retry.
  return api.request({
    method: 'POST',
    path: '/deployments/_search',
    body,
    idempotent: true,
    read: true,
  });
}

/** ECE's answer to a restart while a plan is pending (without cancel_pending). */
export const PLAN_CHANGE_ERROR = 'deployments.deployment_resource_plan_change_error';

/** Elasticsearch's own restart options (the stateless kinds take cancel_pending only). */
export interface RestartOptions {
  cancelPending?: boolean;
  /** skip_snapshot=false: a snapshot before restarting (ECE skips it by default). */
  snapshot?: boolean;
  /** restore_snapshot=false: no restore for a resource that was shut down. */
  noRestoreSnapshot?: boolean;
  /** group_attribute: __zone__ (ECE's default), __all__, __name__, or instance attributes. */
  groupAttribute?: string;
  /** shard_init_wait_time, in seconds (ECE's default 600). */
  shardInitWaitSeconds?: number;
}

export function restartRequest(
  id: string,
  kind: string,
  refId: string,
  q: RestartOptions = {},
): RequestOptions {
  return {
    method: 'POST',
    path: `${resourcePath(id, kind, refId)}/_restart`,
    query: {
      ...(q.cancelPending ? { cancel_pending: true } : {}),
      ...(q.snapshot ? { skip_snapshot: false } : {}),
      ...(q.noRestoreSnapshot ? { restore_snapshot: false } : {}),
      ...(q.groupAttribute !== undefined ? { group_attribute: q.groupAttribute } : {}),
      ...(q.shardInitWaitSeconds !== undefined
        ? { shard_init_wait_time: q.shardInitWaitSeconds }
        : {}),
    },
  };
}

/** POST …/instances/_stop or _start: every instance of one resource. */
export function instancesRequest(
  id: string,
  kind: string,
  refId: string,
  action: '_stop' | '_start',
): RequestOptions {
  return { method: 'POST', path: `${resourcePath(id, kind, refId)}/instances/${action}` };
}

export function cancelPlanRequest(id: string, kind: string, refId: string): RequestOptions {
  return {
    method: 'DELETE',
    path: `${resourcePath(id, kind, refId)}/plan/pending`,
    idempotent: false,
  };
}

/**
 * What a search hit says about one resource (DeploymentSearchResponse, as
 * real ECE sends it: `resources.<kind>[].info` like GET /deployments/{id}).
 * Every field optional: this is network data read for display only.
 */
export interface HitResource {
  ref_id?: string;
  region?: string;
  info?: {
    status?: string;
    healthy?: boolean;
    metadata?: { endpoint?: string; service_url?: string };
    topology?: { instances?: { service_version?: string }[] };
    plan_info?: {
      current?: {
        plan?: {
          elasticsearch?: { version?: string };
          deployment_template?: { id?: string };
        };
      };
    };
  };
}

export interface SearchHit {
  id: string;
  name?: string;
  resources?: Partial<Record<string, HitResource[]>>;
  metadata?: { system_owned?: boolean };
}

/** Hits per page of the list's search: few round trips, pages of a few MB at most. */
export const LIST_SEARCH_SIZE = 500;

/**
 * The one search behind `deployments list` as a table or TSV: every
 * deployment (no query) with status, health, versions and system_owned, for
 * the pager (src/api/pager.ts). Sorted on the unique id so the cursor pages
 * exactly. Not minimal_metadata: its entries are untyped in the spec
 * (`object`), while the hits are DeploymentSearchResponse documents.
 */
export function listSearch(size: number = LIST_SEARCH_SIZE): {
  path: string;
  body: Record<string, unknown>;
} {
  return { path: '/deployments/_search', body: { size, sort: [{ id: { order: 'asc' } }] } };
}

// --- Update payloads, upgrades, passwords and the Elasticsearch proxy (issue 16). ---

/**
 * GET /deployments/{id} as the base of an update: the plans as stored
 * (enrich_with_template=false) with their transient part cleared
 * (clear_transient: "safe to reapply via an update").
 */
export function getForUpdate(api: ApiClient, id: string): Promise<ApiResponse> {
  return api.request({
    method: 'GET',
    path: path(id),
    query: {
      show_plans: true,
      show_settings: true,
      clear_transient: true,
      enrich_with_template: false,
    },
  });
}

/** GET /stack/versions: the versions the installation has, with their upgrade rules. */
export function getStackVersions(api: ApiClient): Promise<ApiResponse> {
  return api.request({ method: 'GET', path: '/stack/versions' });
}

/** POST …/elasticsearch/{ref_id}/_reset-password: a new password for the `elastic` user. */
export function resetPasswordRequest(id: string, refId: string): RequestOptions {
  return {
    method: 'POST',
    path: `${resourcePath(id, 'elasticsearch', refId)}/_reset-password`,
  };
}

/** The methods ECE's Elasticsearch proxy has. */
export const PROXY_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

/**
 * A request to Elasticsearch through ECE's proxy. `esPath` is Elasticsearch's
 * path (with its query string); the proxy requires X-Management-Request.
 */
export function proxyRequest(
  id: string,
  refId: string,
  method: (typeof PROXY_METHODS)[number],
  esPath: string,
  body?: string,
): RequestOptions {
  const [p = '', qs] = esPath.replace(/^\/+/, '').split(/\?(.*)/s, 2);
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(qs ?? '')) query[k] = v;
  return {
    method,
    path: `${resourcePath(id, 'elasticsearch', refId)}/proxy/${p}`,
    query,
    headers: { 'X-Management-Request': 'true' },
    ...(body !== undefined ? { body } : {}),
    // A POST may not be safe to send twice (it could index a document twice).
    ...(method === 'POST' ? { idempotent: false } : {}),
  };
}
