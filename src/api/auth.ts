// Typed calls for /users/auth and /user. Silent: they return data or throw.

import { AuthError, ResponseError } from '../errors.js';
import { parseBody } from './body.js';
import type { ApiClient, ApiResponse, RequestOptions } from './client.js';
import type { Credential } from './credential.js';
import { segment } from './path.js';

export interface TokenResponse {
  token: string;
  session_expiration_time?: string;
}

/** POST /users/auth/_login, sent without credentials; a dry run shows the password as $ECE_PASSWORD. */
export function loginRequest(username: string, password: string): RequestOptions {
  return {
    method: 'POST',
    path: '/users/auth/_login',
    body: { username, password },
    credential: null,
    variables: { [password]: 'ECE_PASSWORD' },
    verifying: true,
  };
}

export async function login(
  api: ApiClient,
  username: string,
  password: string,
): Promise<TokenResponse> {
  api.addSecret(password);
  const res = await api.request(loginRequest(username, password));
  const body = parseBody<Partial<TokenResponse>>(res);
  if (typeof body.token !== 'string')
    throw new ResponseError('unexpected response from ECE: _login returned no token');
  api.addSecret(body.token);
  return body as TokenResponse;
}

/** POST /users/auth/_logout for a bearer session. */
export const logoutRequest = (): RequestOptions => ({
  method: 'POST',
  path: '/users/auth/_logout',
});

export async function logout(api: ApiClient): Promise<void> {
  await api.request(logoutRequest());
}

export interface User {
  user_name: string;
}

/**
 * GET /user: who the credential belongs to — what `ece login` checks before
 * it saves a key and `auth status` reports — so only the origin's own answer
 * naming a user counts (a redirect elsewhere, or an answer without a user,
 * verifies nothing: exit 4).
 */
export async function currentUser(api: ApiClient, credential?: Credential): Promise<User> {
  const res = await api.request({
    method: 'GET',
    path: '/user',
    verifying: true,
    ...(credential ? { credential } : {}),
  });
  const user = parseBody<Partial<User> | null>(res);
  if (typeof user?.user_name !== 'string' || user.user_name === '')
    throw new AuthError(
      `ECE's answer to GET /user names no user (HTTP ${res.status}): the credential was not verified`,
    );
  return user as User;
}

export interface ApiKey {
  id: string;
  user_id?: string;
  description: string;
  creation_date: string;
  expiration_date?: string;
  key?: string;
}

export function listKeys(api: ApiClient): Promise<ApiResponse> {
  return api.request({ method: 'GET', path: '/users/auth/keys' });
}

export function createKeyRequest(description: string, expiration?: string): RequestOptions {
  return {
    method: 'POST',
    path: '/users/auth/keys',
    body: { description, ...(expiration ? { expiration } : {}) },
  };
}

export function createKey(
  api: ApiClient,
  description: string,
  expiration?: string,
): Promise<ApiResponse> {
  return api.request(createKeyRequest(description, expiration));
}

export function deleteKeyRequest(id: string): RequestOptions {
  return { method: 'DELETE', path: `/users/auth/keys/${segment(id)}` };
}

export function deleteKey(api: ApiClient, id: string): Promise<ApiResponse> {
  return api.request(deleteKeyRequest(id));
}

/** GET /users/auth/keys/{id}, or another user's with `user` (platform admins). */
export function getKey(api: ApiClient, id: string, user?: string): Promise<ApiResponse> {
  return api.request({
    path:
      user === undefined
        ? `/users/auth/keys/${segment(id)}`
        : `/users/${segment(user)}/auth/keys/${segment(id)}`,
  });
}

/** GET /users/{user_id}/auth/keys: another user's keys (platform admins). */
export function listUserKeys(api: ApiClient, user: string): Promise<ApiResponse> {
  return api.request({ path: `/users/${segment(user)}/auth/keys` });
}

/** GET /users/auth/keys/_all: every user's keys (platform admins). */
export function listAllKeys(api: ApiClient): Promise<ApiResponse> {
  return api.request({ path: '/users/auth/keys/_all' });
}

/** DELETE /users/{user_id}/auth/keys/{api_key_id}: revokes another user's key. */
export function deleteUserKeyRequest(user: string, id: string): RequestOptions {
  return { method: 'DELETE', path: `/users/${segment(user)}/auth/keys/${segment(id)}` };
}
