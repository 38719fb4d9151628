// The columns of `ece instance-configs list|show`.

import type { Column } from '../../output/views.js';

export interface InstanceConfig {
  id: string;
  name: string;
  description?: string;
  instance_type?: string;
  node_types?: string[];
  discrete_sizes: { sizes: number[]; default_size?: number; resource?: string };
  system_owned?: boolean;
  deleted_on?: string;
}

export const columns: Column<InstanceConfig>[] = [
  ['ID', (c) => c.id],
  ['NAME', (c) => c.name],
  ['TYPE', (c) => c.instance_type],
  ['NODE_TYPES', (c) => c.node_types],
  ['RESOURCE', (c) => c.discrete_sizes?.resource ?? 'memory'],
  ['DEFAULT_SIZE', (c) => c.discrete_sizes?.default_size],
  ['SYSTEM', (c) => c.system_owned === true],
];

export const detailColumns: Column<InstanceConfig>[] = [
  ...columns.slice(0, 6),
  ['SIZES', (c) => c.discrete_sizes?.sizes],
  ...columns.slice(6),
  ['DESCRIPTION', (c) => c.description],
  ['DELETED_ON', (c) => c.deleted_on],
];
