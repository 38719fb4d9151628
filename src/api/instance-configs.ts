// Typed calls for instance configurations (/platform/configuration/instances).
// Reads are sent; writes are returned as planned requests for the command to
// send or show (--dry-run). Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

const BASE = '/platform/configuration/instances';

export const listInstanceConfigs = (api: ApiClient, opts: { showDeleted?: boolean } = {}) =>
  api.request({ path: BASE, query: opts.showDeleted ? { show_deleted: true } : {} });

export const getInstanceConfig = (api: ApiClient, id: string) =>
  api.request({ path: `${BASE}/${segment(id)}` });

/** POST: ECE picks the id unless the body names one. */
export const createInstanceConfig = (body: unknown): RequestOptions => ({
  method: 'POST',
  path: BASE,
  body,
  // A second POST would make a second configuration.
  idempotent: false,
});

/** PUT: replaces the configuration `id` (create_only: refuse when it does not exist yet). */
export const setInstanceConfig = (id: string, body: unknown): RequestOptions => ({
  method: 'PUT',
  path: `${BASE}/${segment(id)}`,
  body,
});

export const deleteInstanceConfig = (id: string): RequestOptions => ({
  method: 'DELETE',
  path: `${BASE}/${segment(id)}`,
});
