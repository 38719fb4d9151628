// Typed calls for the platform license (/platform/license). Silent.

import type { ApiClient, RequestOptions } from './client.js';

export const getLicense = (api: ApiClient) => api.request({ path: '/platform/license' });

/** PUT replaces the license; sending the same one twice is the same as once. */
export const setLicense = (body: unknown): RequestOptions => ({
  method: 'PUT',
  path: '/platform/license',
  body,
});
