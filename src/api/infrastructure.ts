// Typed calls for proxies and constructors (/platform/infrastructure/…).
// Maintenance mode is a planned write. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

export const listProxies = (api: ApiClient) =>
  api.request({ path: '/platform/infrastructure/proxies' });

export const getProxy = (api: ApiClient, id: string) =>
  api.request({ path: `/platform/infrastructure/proxies/${segment(id)}` });

export const listConstructors = (api: ApiClient) =>
  api.request({ path: '/platform/infrastructure/constructors' });

export const getConstructor = (api: ApiClient, id: string) =>
  api.request({ path: `/platform/infrastructure/constructors/${segment(id)}` });

export const constructorMaintenance = (id: string, on: boolean): RequestOptions => ({
  method: 'POST',
  path: `/platform/infrastructure/constructors/${segment(id)}/maintenance-mode/${on ? '_start' : '_stop'}`,
  // Turning maintenance on or off twice is the same as once.
  idempotent: true,
});

/** POST …/constructors/{id}/_resync: rebuilds the constructor's search index entry and cache. */
export const resyncConstructorRequest = (id: string): RequestOptions => ({
  method: 'POST',
  path: `/platform/infrastructure/constructors/${segment(id)}/_resync`,
  idempotent: true,
});

/** POST …/constructors/_resync: the same for every constructor (asynchronous, answers 202). */
export const resyncConstructorsRequest = (): RequestOptions => ({
  method: 'POST',
  path: '/platform/infrastructure/constructors/_resync',
  idempotent: true,
});
