// Typed calls for the platform: /platform, allocators, runners, stack
// versions, deployment templates and users. Silent.

import type { ApiClient, ApiResponse, RequestOptions } from './client.js';
import { segment } from './path.js';

export const getPlatform = (api: ApiClient) => api.request({ path: '/platform' });
/** One page: ECE returns at most `size` (default 100) allocators and no total. */
export const getAllocator = (api: ApiClient, id: string) =>
  api.request({ path: `/platform/infrastructure/allocators/${segment(id)}` });
export const setMaintenance = (api: ApiClient, id: string, on: boolean) =>
  api.request({
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
export const listUsers = (api: ApiClient) => api.request({ path: '/users' });
export const getUser = (api: ApiClient, name: string) =>
  api.request({ path: `/users/${segment(name)}` });
export const createUser = (api: ApiClient, body: unknown): Promise<ApiResponse> =>
  api.request({ method: 'POST', path: '/users', body });
export const deleteUser = (api: ApiClient, name: string) =>
  api.request({ method: 'DELETE', path: `/users/${segment(name)}`, idempotent: false });
/** The write that turns an allocator's maintenance mode on or off (planned: shown under --dry-run). */
export const maintenanceModeRequest = (id: string, on: boolean): RequestOptions => ({
  method: 'POST',
  path: `/platform/infrastructure/allocators/${segment(id)}/maintenance-mode/${on ? '_start' : '_stop'}`,
  // Turning maintenance on or off twice is the same as once.
  idempotent: true,
});
