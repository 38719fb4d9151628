// The columns of `ece extensions list|show`.

import type { Column } from '../../output/views.js';
import type { Extension } from './resolve.js';

export const columns: Column<Extension>[] = [
  ['ID', (e) => e.id],
  ['NAME', (e) => e.name],
  ['TYPE', (e) => e.extension_type],
  ['VERSION', (e) => e.version],
  ['UPLOADED', (e) => e.file_metadata?.size !== undefined],
];

export const detailColumns: Column<Extension>[] = [
  ...columns.slice(0, 4),
  ['URL', (e) => e.url],
  ['DESCRIPTION', (e) => e.description],
  ['DOWNLOAD_URL', (e) => e.download_url],
  ['FILE_SIZE', (e) => e.file_metadata?.size],
  ['FILE_MODIFIED', (e) => e.file_metadata?.last_modified_date],
  ['DEPLOYMENTS', (e) => e.deployments],
];
