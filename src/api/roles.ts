// Typed calls for runner roles: the blueprinter's roles
// (/platform/infrastructure/blueprinter/roles) that say which containers a
// runner with that role runs — not users' roles. Reads are sent; writes are
// returned as planned requests for the command to send or show. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

const BASE = '/platform/infrastructure/blueprinter/roles';

export const listRoles = (api: ApiClient) => api.request({ path: BASE });

export const getRole = (api: ApiClient, id: string) =>
  api.request({ path: `${BASE}/${segment(id)}` });

/** POST: body {role, blessings?}; ECE answers 409 roles.already_exists for a taken id. */
export const createRoleRequest = (body: unknown): RequestOptions => ({
  method: 'POST',
  path: BASE,
  body,
  idempotent: false,
});

/** PUT: replaces the role; `version` (role.meta.version of the read) guards against lost updates. */
export const updateRoleRequest = (
  id: string,
  body: unknown,
  version: string | undefined,
): RequestOptions => ({
  method: 'PUT',
  path: `${BASE}/${segment(id)}`,
  query: version === undefined ? {} : { version },
  body,
});

export const deleteRoleRequest = (id: string, version: string | undefined): RequestOptions => ({
  method: 'DELETE',
  path: `${BASE}/${segment(id)}`,
  query: version === undefined ? {} : { version },
});
