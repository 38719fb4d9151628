// The columns of `ece snapshot-repos list|show`.

import type { Column } from '../../output/views.js';

export interface RepoConfig {
  repository_name: string;
  config: { type?: string; settings?: Record<string, unknown> };
}

/** Settings that say where the snapshots go; never the credentials. */
const WHERE = ['bucket', 'container', 'base_path', 'location', 'url', 'region'];

export const columns: Column<RepoConfig>[] = [
  ['NAME', (r) => r.repository_name],
  ['TYPE', (r) => r.config?.type],
  [
    'LOCATION',
    (r) =>
      WHERE.filter((k) => r.config?.settings?.[k] !== undefined).map(
        (k) => `${k}=${String(r.config.settings?.[k])}`,
      ),
  ],
];

export const detailColumns: Column<RepoConfig>[] = [
  ...columns.slice(0, 2),
  ['SETTINGS', (r) => Object.keys(r.config?.settings ?? {}).sort()],
  ...columns.slice(2),
];
