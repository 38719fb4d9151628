// Typed calls for the instances of a deployment's resources: stop/start and
// maintenance mode for chosen instances or all of them, moving Elasticsearch
// instances to other allocators, and the search-index resync. Silent: each
// write is a request built as data (`…Request`) for the command to show
// under --dry-run or send.

import type { RequestOptions } from './client.js';
import { segment } from './path.js';

/** One instance as ECE reports it (ClusterInstanceInfo); network data, every field optional. */
export interface InstanceInfo {
  instance_name?: string;
  zone?: string;
  allocator_id?: string;
  healthy?: boolean;
  container_started?: boolean;
  service_running?: boolean;
  maintenance_mode?: boolean;
  service_version?: string;
  memory?: { instance_capacity?: number };
  instance_configuration?: { id?: string; name?: string };
}

const resourcePath = (id: string, kind: string, refId: string) =>
  `/deployments/${segment(id)}/${segment(kind)}/${segment(refId)}`;

/** Instance names as the API's `{instance_ids}`: comma-separated, each segment-encoded. */
export const instanceIds = (names: string | readonly string[]) =>
  [names].flat().map(segment).join(',');

/** POST …/instances/{instance_ids}/_stop or _start: the chosen instances. */
export function instanceCommandRequest(
  id: string,
  kind: string,
  refId: string,
  action: '_stop' | '_start',
  names: string | readonly string[],
): RequestOptions {
  return {
    method: 'POST',
    path: `${resourcePath(id, kind, refId)}/instances/${instanceIds(names)}/${action}`,
    // Stopping (or starting) twice is the same as once: safe to retry.
    idempotent: true,
  };
}

/** POST …/instances/{instance_ids}/maintenance-mode/_start (on) or _stop (off). */
export function maintenanceRequest(
  id: string,
  kind: string,
  refId: string,
  on: boolean,
  names: string | readonly string[],
): RequestOptions {
  return {
    method: 'POST',
    path: `${resourcePath(id, kind, refId)}/instances/${instanceIds(names)}/maintenance-mode/${on ? '_start' : '_stop'}`,
    idempotent: true,
  };
}

/** POST …/instances/maintenance-mode/_start or _stop: every instance of the resource. */
export function maintenanceAllRequest(
  id: string,
  kind: string,
  refId: string,
  on: boolean,
): RequestOptions {
  return {
    method: 'POST',
    path: `${resourcePath(id, kind, refId)}/instances/maintenance-mode/${on ? '_start' : '_stop'}`,
    idempotent: true,
  };
}

/**
 * POST /deployments/{id}/elasticsearch/{ref_id}/instances/{instance_ids}/_move:
 * the body (TransientElasticsearchPlanConfiguration) names the target
 * allocators as plan_configuration.preferred_allocators; without targets ECE
 * chooses and no body is sent.
 */
export function moveRequest(
  id: string,
  refId: string,
  names: string | readonly string[],
  opts: { to?: string[] | undefined; validateOnly?: boolean | undefined } = {},
): RequestOptions {
  const to = opts.to ?? [];
  return {
    method: 'POST',
    path: `${resourcePath(id, 'elasticsearch', refId)}/instances/${instanceIds(names)}/_move`,
    query: opts.validateOnly ? { validate_only: true } : {},
    ...(to.length ? { body: { plan_configuration: { preferred_allocators: to } } } : {}),
    // validate_only changes nothing: a dry run may send it.
    ...(opts.validateOnly ? { read: true } : {}),
  };
}

/** POST /deployments/{id}/_resync: rewrites the deployment's search-index document. */
export function resyncRequest(id: string): RequestOptions {
  return { method: 'POST', path: `/deployments/${segment(id)}/_resync`, idempotent: true };
}

/**
 * POST /deployments/_resync: every deployment's document. ECE's default
 * skips the ones whose version matches; `force` rewrites every one.
 */
export function resyncAllRequest(opts: { force?: boolean } = {}): RequestOptions {
  return {
    method: 'POST',
    path: '/deployments/_resync',
    query: opts.force ? { skip_matching_version: false } : {},
    idempotent: true,
  };
}
