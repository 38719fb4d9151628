// Typed calls for stack packs (/stack/versions/…): one version's details, a
// stack pack upload (multipart/form-data, form field `file`), deletion. The
// list lives in platform.ts. Writes are returned as planned requests. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import type { FileBody } from './multipart.js';
import { segment } from './path.js';

export const getStackVersion = (api: ApiClient, version: string) =>
  api.request({ path: `/stack/versions/${segment(version)}` });

/** POST the stack pack zip; ECE answers with what it added and what it refused. Never retried once sent. */
export const uploadStackPack = (file: FileBody, timeoutMs: number): RequestOptions => ({
  method: 'POST',
  path: '/stack/versions',
  body: file,
  idempotent: false,
  timeoutMs,
});

/** DELETE: ECE marks the version deleted (hidden from the list, no new deployments on it). */
export const deleteStackVersion = (version: string): RequestOptions => ({
  method: 'DELETE',
  path: `/stack/versions/${segment(version)}`,
});
