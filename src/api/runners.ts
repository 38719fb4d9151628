// Typed calls for runners (/platform/infrastructure/runners) beyond the list
// in platform.ts: one runner, search, resync, roles and delete. Reads (and
// the search, which changes nothing) are sent; writes are returned as
// planned requests for the command to send or show (--dry-run). Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

const BASE = '/platform/infrastructure/runners';

export const getRunner = (api: ApiClient, id: string) =>
  api.request({ path: `${BASE}/${segment(id)}` });

/** POST _search: a read, so a dry run may send it and a retry is safe. */
export const searchRunners = (api: ApiClient, body: unknown) =>
  api.request({ method: 'POST', path: `${BASE}/_search`, body, read: true, idempotent: true });

/** Rebuilds the search index and cache entry of one runner. */
export const resyncRunnerRequest = (id: string): RequestOptions => ({
  method: 'POST',
  path: `${BASE}/${segment(id)}/_resync`,
  idempotent: true,
});

/** Rebuilds the search index of every runner. */
export const resyncRunnersRequest = (): RequestOptions => ({
  method: 'POST',
  path: `${BASE}/_resync`,
  idempotent: true,
});

/** PUT: the runner's roles become exactly these. */
export const setRunnerRolesRequest = (id: string, ...roles: string[]): RequestOptions => ({
  method: 'PUT',
  path: `${BASE}/${segment(id)}/roles`,
  body: { roles: roles.map((role_name) => ({ role_name })) },
});

/** DELETE: forgets a decommissioned host; ECE refuses while it still runs instances. */
export const deleteRunnerRequest = (id: string): RequestOptions => ({
  method: 'DELETE',
  path: `${BASE}/${segment(id)}`,
});
