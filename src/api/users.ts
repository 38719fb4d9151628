// Typed calls for platform users beyond list/show/create/delete (those are in
// platform.ts): the merge-patch update behind `users update|enable|disable`,
// and the list that can include disabled users. Writes are returned as
// planned requests. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

/** GET /users: ECE leaves disabled users out unless asked. */
export const listUsersIncluding = (api: ApiClient, opts: { includeDisabled?: boolean } = {}) =>
  api.request({
    path: '/users',
    query: opts.includeDisabled === true ? { include_disabled: true } : {},
  });

/**
 * PATCH /users/{user_name} with a JSON merge patch (only the fields that
 * change; null removes one). A new password in it is shown by a dry run as
 * $ECE_PASSWORD.
 */
export const updateUserRequest = (
  name: string,
  patch: Record<string, unknown>,
  password?: string,
): RequestOptions => ({
  method: 'PATCH',
  path: `/users/${segment(name)}`,
  body: patch,
  ...(password ? { variables: { [password]: 'ECE_PASSWORD' } } : {}),
});
