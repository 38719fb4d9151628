// Typed calls for extensions (/deployments/extensions): Elasticsearch plugins
// and bundles. Reads are sent; writes are returned as planned requests for the
// command to send or show (--dry-run). Silent.

import type { ApiClient, RequestOptions } from './client.js';
import type { FileBody } from './multipart.js';
import { segment } from './path.js';

const BASE = '/deployments/extensions';

export interface ExtensionFields {
  name: string;
  extension_type: 'bundle' | 'plugin';
  version: string;
  description?: string;
  download_url?: string;
}

export const listExtensions = (api: ApiClient) => api.request({ path: BASE });

export const getExtension = (api: ApiClient, id: string, opts: { deployments?: boolean } = {}) =>
  api.request({
    path: `${BASE}/${segment(id)}`,
    query: opts.deployments ? { include_deployments: true } : {},
  });

/** POST: ECE picks the id. A second POST would register a second extension. */
export const createExtension = (body: ExtensionFields): RequestOptions => ({
  method: 'POST',
  path: BASE,
  body,
  idempotent: false,
});

/** POST to the extension: replaces its metadata (every required field again). */
export const updateExtension = (id: string, body: ExtensionFields): RequestOptions => ({
  method: 'POST',
  path: `${BASE}/${segment(id)}`,
  body,
});

/**
 * PUT the archive as multipart/form-data (form field `file`). Never sent twice
 * once bytes left: a half-received archive is ECE's to judge, not ours to repeat.
 */
export const uploadExtension = (id: string, file: FileBody, timeoutMs: number): RequestOptions => ({
  method: 'PUT',
  path: `${BASE}/${segment(id)}`,
  body: file,
  idempotent: false,
  timeoutMs,
});

export const deleteExtension = (id: string): RequestOptions => ({
  method: 'DELETE',
  path: `${BASE}/${segment(id)}`,
});
