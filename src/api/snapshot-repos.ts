// Typed calls for the platform's snapshot repositories
// (/platform/configuration/snapshots/repositories). Writes are planned
// requests. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

const BASE = '/platform/configuration/snapshots/repositories';

export const listSnapshotRepos = (api: ApiClient) => api.request({ path: BASE });

export const getSnapshotRepo = (api: ApiClient, name: string) =>
  api.request({ path: `${BASE}/${segment(name)}` });

/**
 * PUT creates or replaces. `variables` maps secret values in the settings
 * (keys, passwords) to the shell variables a dry run's curl line shows.
 */
export const setSnapshotRepo = (
  name: string,
  body: unknown,
  variables: Record<string, string> = {},
): RequestOptions => ({
  method: 'PUT',
  path: `${BASE}/${segment(name)}`,
  body,
  variables,
});

export const deleteSnapshotRepo = (
  name: string,
  opts: { cleanupDeployments?: boolean } = {},
): RequestOptions => ({
  method: 'DELETE',
  path: `${BASE}/${segment(name)}`,
  query: opts.cleanupDeployments ? { cleanup_deployments: true } : {},
});
