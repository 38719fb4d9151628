// Typed calls for allocators beyond list/show/maintenance (api/platform.ts):
// moving instances off an allocator (move-clusters, validated first, then per
// kind), deleting an allocator, searching, metadata. Writes are request
// builders (planned, then sent or shown); a validate_only move and a search
// change nothing, so a dry run may send them. Silent.

import type { ApiClient, ApiResponse, RequestOptions } from './client.js';
import { segment } from './path.js';

const BASE = '/platform/infrastructure/allocators';

/** The kinds the move API takes; each has its list `<kind>_clusters` in requests and answers. */
export const MOVE_KINDS = ['elasticsearch', 'kibana', 'apm', 'appsearch', 'enterprise_search'];

export interface MoveOptions {
  /** undefined: ECE decides (it treats the allocator as up). */
  allocatorDown?: boolean | undefined;
  /** undefined: ECE's default (true). */
  moveOnly?: boolean | undefined;
}

/**
 * Set on top of ECE's calculated plan, in its plan_configuration (as
 * cloud-sdk-go's PlanOverrides); undefined keeps what ECE calculated. The
 * spec has skip_snapshot and skip_data_migration only in
 * ElasticsearchPlanControlConfiguration, override_failsafe in every kind's.
 */
export interface PlanOverrides {
  skipSnapshot?: boolean | undefined;
  skipDataMigration?: boolean | undefined;
  overrideFailsafe?: boolean | undefined;
}

/**
 * ECE's answer for a resource that already has a plan running (the message
 * cloud-sdk-go's vacate matches to skip such a resource instead of failing).
 */
export const isPlanPending = (message: string | undefined): boolean =>
  (message ?? '').includes('There is a plan still pending');

export interface MoveDetail {
  cluster_id: string;
  calculated_plan?: { plan_configuration?: Record<string, unknown> } & Record<string, unknown>;
  errors?: { code?: string; message?: string }[];
}

/** MoveClustersDetails: one list per kind. */
export type MoveDetails = Record<string, MoveDetail[] | undefined>;

export interface MoveResponse {
  moves?: MoveDetails;
  failures?: MoveDetails;
}

const moveQuery = (o: MoveOptions) => ({
  ...(o.allocatorDown === undefined ? {} : { allocator_down: o.allocatorDown }),
  ...(o.moveOnly === undefined ? {} : { move_only: o.moveOnly }),
});

/**
 * The validate_only pass: what ECE would do for these resources (kind → ids),
 * each with its calculated plan, or why it cannot move them. Changes nothing.
 */
export function validateMove(
  api: ApiClient,
  allocator: string,
  resources: Map<string, string[]>,
  o: MoveOptions,
): Promise<ApiResponse> {
  const body: Record<string, unknown> = {};
  for (const [kind, ids] of resources) body[`${kind}_clusters`] = [{ cluster_ids: ids }];
  return api.request({
    method: 'POST',
    path: `${BASE}/${segment(allocator)}/clusters/_move`,
    query: { validate_only: true, ...moveQuery(o) },
    body,
    idempotent: true,
    read: true,
  });
}

/**
 * The move of one resource off the allocator, with ECE's calculated plan as
 * the override, the targets as its preferred allocators and the overrides
 * the resource's kind has.
 */
export function moveRequest(
  allocator: string,
  kind: string,
  detail: MoveDetail,
  targets: string[],
  o: MoveOptions,
  overrides: PlanOverrides = {},
): RequestOptions {
  const calculated = detail.calculated_plan ?? {};
  const es = kind === 'elasticsearch';
  const set = (key: string, value: boolean | undefined, applies = true) =>
    value === undefined || !applies ? {} : { [key]: value };
  const plan_configuration = {
    ...(calculated.plan_configuration ?? {}),
    ...(targets.length ? { preferred_allocators: targets } : {}),
    ...set('skip_snapshot', overrides.skipSnapshot, es),
    ...set('skip_data_migration', overrides.skipDataMigration, es),
    ...set('override_failsafe', overrides.overrideFailsafe),
  };
  return {
    method: 'POST',
    path: `${BASE}/${segment(allocator)}/clusters/${segment(kind)}/_move`,
    query: moveQuery(o),
    body: {
      [`${kind}_clusters`]: [
        { cluster_ids: [detail.cluster_id], plan_override: { ...calculated, plan_configuration } },
      ],
    },
  };
}

/** DELETE …/allocators/{id}; `removeInstances` drops the instances a lost host still lists. */
export const deleteAllocatorRequest = (
  id: string,
  opts: { removeInstances?: boolean } = {},
): RequestOptions => ({
  method: 'DELETE',
  path: `${BASE}/${segment(id)}`,
  ...(opts.removeInstances ? { query: { remove_instances: true } } : {}),
});

export const searchAllocators = (api: ApiClient, body: unknown): Promise<ApiResponse> =>
  api.request({ method: 'POST', path: `${BASE}/_search`, body, idempotent: true, read: true });

export const getAllocatorMetadata = (api: ApiClient, id: string): Promise<ApiResponse> =>
  api.request({ path: `${BASE}/${segment(id)}/metadata` });

export const setMetadataItemRequest = (id: string, key: string, value: string): RequestOptions => ({
  method: 'PUT',
  path: `${BASE}/${segment(id)}/metadata/${segment(key)}`,
  body: { value },
});

export const deleteMetadataItemRequest = (id: string, key: string): RequestOptions => ({
  method: 'DELETE',
  path: `${BASE}/${segment(id)}/metadata/${segment(key)}`,
});
