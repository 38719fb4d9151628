// Typed calls for the proxies beyond list/show (infrastructure.ts):
// filtered groups (proxies matched by metadata, with an expected count),
// health, and the settings of all proxies. Groups and settings have a
// version (x-cloud-resource-version); their writes send the one read, so
// that a change made in between is refused (409). Writes are planned
// requests. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

const BASE = '/platform/infrastructure/proxies';
const GROUPS = `${BASE}/filtered-groups`;

/** The health a `expect_status` names, as ECE spells statuses. */
export const HEALTH_STATUSES = ['Green', 'Yellow', 'Red'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/**
 * GET health; with `expect`, ECE answers 417 (the same body) when the health
 * is worse than that.
 */
export const getProxiesHealth = (api: ApiClient, expect?: string) =>
  api.request({ path: `${BASE}/health`, query: { expect_status: expect } });

export const getFilteredGroup = (api: ApiClient, id: string) =>
  api.request({ path: `${GROUPS}/${segment(id)}` });

export const getFilteredGroupHealth = (api: ApiClient, id: string, expect?: string) =>
  api.request({ path: `${GROUPS}/${segment(id)}/health`, query: { expect_status: expect } });

/** POST: {id, filters: [{key, value}], expected_proxies_count}; a taken id is a 400. */
export const createFilteredGroupRequest = (body: unknown): RequestOptions => ({
  method: 'POST',
  path: GROUPS,
  body,
  idempotent: false,
});

export const updateFilteredGroupRequest = (
  id: string,
  body: unknown,
  version: string | undefined,
): RequestOptions => ({
  method: 'PUT',
  path: `${GROUPS}/${segment(id)}`,
  query: { version },
  body,
});

export const deleteFilteredGroupRequest = (
  id: string,
  version: string | undefined,
): RequestOptions => ({
  method: 'DELETE',
  path: `${GROUPS}/${segment(id)}`,
  query: { version },
});

export const getProxiesSettings = (api: ApiClient) => api.request({ path: `${BASE}/settings` });

/** PUT: replaces every setting (those left out are deleted). */
export const setProxiesSettingsRequest = (
  body: unknown,
  version: string | undefined,
): RequestOptions => ({
  method: 'PUT',
  path: `${BASE}/settings`,
  query: { version },
  body,
});

/** PATCH: a JSON merge patch: only the fields named change. */
export const patchProxiesSettingsRequest = (
  patch: unknown,
  version: string | undefined,
): RequestOptions => ({
  method: 'PATCH',
  path: `${BASE}/settings`,
  query: { version },
  body: patch,
});
