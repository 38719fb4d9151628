// What an ECE installation's version can do. The first version of each
// operation our commands use comes from cloud-sdk-go's per-version operation
// lists (api/version/*.md in elastic/cloud-sdk-go, 2.4.3 to 3.8.0; 2.4.3 is
// the oldest list, so "2.4.3" means "at least as old as that"). Silent.

import { parseBody } from './body.js';
import type { ApiClient } from './client.js';
import {
  ALLOCATOR_OPERATIONS,
  ES_PROXY_OPERATIONS,
  EXTENSIONS_STACK_OPERATIONS,
  INSTANCES_OPERATIONS,
  KEYSTORE_REMOTE_OPERATIONS,
  LOGGING_OPERATIONS,
  PLATFORM_ADMIN_OPERATIONS,
  PLATFORM_CONFIG_OPERATIONS,
  RESOURCE_OPERATIONS,
  SECURITY_COORDINATORS_PROXIES_OPERATIONS,
  TEMPLATES_RUNNERS_ROLES_OPERATIONS,
  TRAFFIC_FILTERS_COMMENTS_OPERATIONS,
  USERS_SECURITY_OPERATIONS,
} from './operations.js';
import { getPlatform } from './platform.js';

/** `_search` answers a cursor from this version on; before it, page with from/size. */
export const CURSOR_SINCE = '3.8.0';

/** `METHOD /path/template` → the first ECE version whose API has it. */
export const OPERATIONS: Record<string, string> = {
  'GET /deployments': '2.4.3',
  'POST /deployments': '2.4.3',
  'POST /deployments/_search': '2.4.3',
  'GET /deployments/{deployment_id}': '2.4.3',
  'PUT /deployments/{deployment_id}': '2.4.3',
  'DELETE /deployments/{deployment_id}': '2.4.3',
  'POST /deployments/{deployment_id}/_shutdown': '2.4.3',
  'POST /deployments/{deployment_id}/_restore': '2.4.3',
  'POST /deployments/{deployment_id}/elasticsearch/{ref_id}/_restart': '2.4.3',
  'POST /deployments/{deployment_id}/{stateless_resource_kind}/{ref_id}/_restart': '2.4.3',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/_stop': '2.4.3',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/_start': '2.4.3',
  'DELETE /deployments/{deployment_id}/{resource_kind}/{ref_id}/plan/pending': '2.4.3',
  'GET /deployments/templates': '2.6.0',
  'GET /deployments/templates/{template_id}': '2.6.0',
  'GET /platform': '2.4.3',
  'GET /platform/infrastructure/allocators': '2.4.3',
  'GET /platform/infrastructure/allocators/{allocator_id}': '2.4.3',
  'POST /platform/infrastructure/allocators/{allocator_id}/maintenance-mode/_start': '2.4.3',
  'POST /platform/infrastructure/allocators/{allocator_id}/maintenance-mode/_stop': '2.4.3',
  'GET /platform/infrastructure/runners': '2.4.3',
  'GET /stack/versions': '2.4.3',
  'GET /users': '2.4.3',
  'GET /users/{user_name}': '2.4.3',
  'POST /users': '2.4.3',
  'DELETE /users/{user_name}': '2.4.3',
  'GET /user': '2.4.3',
  'POST /users/auth/_login': '2.4.3',
  'POST /users/auth/_refresh': '2.4.3',
  'POST /users/auth/_logout': '2.6.0',
  'GET /users/auth/keys': '2.4.3',
  'POST /users/auth/keys': '2.4.3',
  'DELETE /users/auth/keys/{api_key_id}': '2.4.3',
  // cloud-sdk-go's api/version/2.5.0.md is the first to list it.
  'POST /deployments/{deployment_id}/elasticsearch/{ref_id}/_reset-password': '2.5.0',
  ...PLATFORM_ADMIN_OPERATIONS,
  ...EXTENSIONS_STACK_OPERATIONS,
  ...TEMPLATES_RUNNERS_ROLES_OPERATIONS,
  ...USERS_SECURITY_OPERATIONS,
  ...TRAFFIC_FILTERS_COMMENTS_OPERATIONS,
  ...INSTANCES_OPERATIONS,
  ...KEYSTORE_REMOTE_OPERATIONS,
  ...ALLOCATOR_OPERATIONS,
  ...ES_PROXY_OPERATIONS,
  ...LOGGING_OPERATIONS,
  ...PLATFORM_CONFIG_OPERATIONS,
  ...RESOURCE_OPERATIONS,
  ...SECURITY_COORDINATORS_PROXIES_OPERATIONS,
};

/** -1, 0 or 1; `3.8.0-ms12` counts as 3.8.0; parts that are not numbers count as 0. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .replace(/^v/, '')
      .split(/[-+]/)[0]
      ?.split('.')
      .map((p) => Number.parseInt(p, 10) || 0) ?? [];
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export const atLeast = (version: string, since: string) => compareVersions(version, since) >= 0;

/**
 * `METHOD /path/template` → the first ECE version without it. From Elastic's
 * ECE 4.0 breaking changes ("Removed deprecated _upgrade endpoint"); the
 * 3.8 spec and cloud-sdk-go's lists (which end at 3.8.0) still have it.
 */
export const REMOVED: Record<string, string> = {
  'POST /deployments/{deployment_id}/{stateless_resource_kind}/{ref_id}/_upgrade': '4.0.0',
};

/** The first ECE version that runs no 7.x stack (ECE 4.0: "Removed support for 7.x stack versions"). */
export const NO_7X_STACKS_SINCE = '4.0.0';

/** Why `METHOD template` cannot work on `version`, or undefined when it can (or is unknown). */
export function unsupported(version: string, method: string, template: string): string | undefined {
  const key = `${method.toUpperCase()} ${template}`;
  const until = REMOVED[key];
  if (until !== undefined && atLeast(version, until))
    return `${key} was removed in ECE ${until}; this installation runs ${version}`;
  const since = OPERATIONS[key];
  if (since === undefined || atLeast(version, since)) return undefined;
  return `${key} exists from ECE ${since} on; this installation runs ${version}`;
}

/**
 * The ECE versions a verb works on (`Verb.ece`): from `since` (inclusive) to
 * `until` (the first version without it). `what` names the call in the
 * message ("this command" when absent); `why` is said after it.
 */
export interface EceRange {
  since?: string;
  until?: string;
  what?: string;
  why?: string;
}

/** The one line saying a call cannot work on `version`, or undefined when it can. */
export function outsideRange(version: string, range: EceRange): string | undefined {
  const what = range.what ?? 'this command';
  const why = range.why ? ` (${range.why})` : '';
  if (range.since !== undefined && !atLeast(version, range.since))
    return `${what} needs ECE ${range.since} or later; this installation runs ECE ${version}${why}`;
  if (range.until !== undefined && atLeast(version, range.until))
    return `${what} is not available from ECE ${range.until} on; this installation runs ECE ${version}${why}`;
  return undefined;
}

/** GET /platform: the installation's version, as ECE reports it. */
export async function readPlatformVersion(api: ApiClient): Promise<string | undefined> {
  const body = parseBody<{ version?: unknown }>(await getPlatform(api));
  return typeof body.version === 'string' && body.version !== '' ? body.version : undefined;
}
