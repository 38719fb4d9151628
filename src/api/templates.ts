// Typed calls for deployment templates (/deployments/templates) beyond the
// list and show reads in platform.ts: every one carries the `region` query
// parameter ECE requires. Writes are returned as planned requests for the
// command to send or show (--dry-run). Silent.

import type { RequestOptions } from './client.js';
import { segment } from './path.js';

const BASE = '/deployments/templates';

/** POST: ECE picks the id. A second POST would make a second template. */
export const createTemplateRequest = (region: string, body: unknown): RequestOptions => ({
  method: 'POST',
  path: BASE,
  query: { region },
  body,
  idempotent: false,
});

/**
 * PUT: creates the template `id` (createOnly: ECE refuses when it exists) or
 * replaces it; `version` (x-cloud-resource-version of the read) makes ECE
 * refuse with 409 when someone changed it in between.
 */
export const setTemplateRequest = (
  id: string,
  region: string,
  body: unknown,
  opts: { createOnly?: boolean; version?: string | undefined },
): RequestOptions => ({
  method: 'PUT',
  path: `${BASE}/${segment(id)}`,
  query: {
    region,
    ...(opts.createOnly ? { create_only: true } : {}),
    ...(opts.version !== undefined ? { version: opts.version } : {}),
  },
  body,
  // A create-only PUT sent twice answers 409 the second time.
  idempotent: opts.createOnly !== true,
});

export const deleteTemplateRequest = (id: string, region: string): RequestOptions => ({
  method: 'DELETE',
  path: `${BASE}/${segment(id)}`,
  query: { region },
});
