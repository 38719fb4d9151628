// Typed calls for the platform: /platform, allocators, runners, stack
// versions, deployment templates and users. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

export const getPlatform = (api: ApiClient) => api.request({ path: '/platform' });
/** One page: ECE returns at most `size` (default 100) allocators and no total. */
export const getAllocator = (api: ApiClient, id: string) =>
  api.request({ path: `/platform/infrastructure/allocators/${segment(id)}` });
export const maintenanceRequest = (id: string, on: boolean): RequestOptions => ({
  method: 'POST',
  path: `/platform/infrastructure/allocators/${segment(id)}/maintenance-mode/${on ? '_start' : '_stop'}`,
  // Turning maintenance on or off twice is the same as once.
  idempotent: true,
});
export const listRunners = (api: ApiClient) =>
  api.request({ path: '/platform/infrastructure/runners' });
export const listStackVersions = (api: ApiClient) => api.request({ path: '/stack/versions' });
export const listTemplates = (api: ApiClient, region: string) =>
  api.request({ path: '/deployments/templates', query: { region } });
export const getTemplate = (api: ApiClient, id: string, region: string) =>
  api.request({ path: `/deployments/templates/${segment(id)}`, query: { region } });
export const getUser = (api: ApiClient, name: string) =>
  api.request({ path: `/users/${segment(name)}` });
/** POST /users; the password in the body is shown as $ECE_PASSWORD by a dry run. */
export const createUserRequest = (body: {
  security: { password: string; [key: string]: unknown };
  [key: string]: unknown;
}): RequestOptions => ({
  method: 'POST',
  path: '/users',
  body,
  variables: { [body.security.password]: 'ECE_PASSWORD' },
});
export const deleteUserRequest = (name: string): RequestOptions => ({
  method: 'DELETE',
  path: `/users/${segment(name)}`,
  idempotent: false,
});
