// Typed calls for the platform: /platform, allocators, runners, stack
// versions, deployment templates and users. Silent.

import type { ApiClient, ApiResponse } from './client.js';

const enc = encodeURIComponent;

export const getPlatform = (api: ApiClient) => api.request({ path: '/platform' });
export const listAllocators = (api: ApiClient) =>
  api.request({ path: '/platform/infrastructure/allocators' });
export const getAllocator = (api: ApiClient, id: string) =>
  api.request({ path: `/platform/infrastructure/allocators/${enc(id)}` });
export const setMaintenance = (api: ApiClient, id: string, on: boolean) =>
  api.request({
    method: 'POST',
    path: `/platform/infrastructure/allocators/${enc(id)}/maintenance-mode/${on ? '_start' : '_stop'}`,
    // Turning maintenance on or off twice is the same as once.
    idempotent: true,
  });
export const listRunners = (api: ApiClient) =>
  api.request({ path: '/platform/infrastructure/runners' });
export const listStackVersions = (api: ApiClient) => api.request({ path: '/stack/versions' });
export const listTemplates = (api: ApiClient, region: string) =>
  api.request({ path: '/deployments/templates', query: { region } });
export const getTemplate = (api: ApiClient, id: string, region: string) =>
  api.request({ path: `/deployments/templates/${enc(id)}`, query: { region } });
export const listUsers = (api: ApiClient) => api.request({ path: '/users' });
export const getUser = (api: ApiClient, name: string) =>
  api.request({ path: `/users/${enc(name)}` });
export const createUser = (api: ApiClient, body: unknown): Promise<ApiResponse> =>
  api.request({ method: 'POST', path: '/users', body });
export const deleteUser = (api: ApiClient, name: string) =>
  api.request({ method: 'DELETE', path: `/users/${enc(name)}`, idempotent: false });
