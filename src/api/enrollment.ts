// Typed calls for enrollment tokens
// (/platform/configuration/security/enrollment-tokens): the tokens that let a
// new host join the installation with given roles. Writes are returned as
// planned requests. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

const BASE = '/platform/configuration/security/enrollment-tokens';

export interface EnrollmentTokenRequest {
  persistent: boolean;
  roles?: string[];
  validity_in_seconds?: number;
}

export const listEnrollmentTokens = (api: ApiClient) => api.request({ path: BASE });

/** POST: each call makes a new token, so it is never sent twice. */
export const createEnrollmentTokenRequest = (body: EnrollmentTokenRequest): RequestOptions => ({
  method: 'POST',
  path: BASE,
  body,
  idempotent: false,
});

/** DELETE by token id (or by the token itself, which ECE also accepts). */
export const deleteEnrollmentTokenRequest = (id: string): RequestOptions => ({
  method: 'DELETE',
  path: `${BASE}/${segment(id)}`,
});
