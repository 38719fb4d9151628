// What the allocators commands read of an allocator, and its columns (list
// rows, show fields).

import type { Column } from '../../output/views.js';

export interface Allocator {
  allocator_id: string;
  zone_id: string;
  host_ip: string;
  public_hostname: string;
  capacity: { memory: { total: number; used: number } };
  status: { connected: boolean; healthy: boolean; maintenance_mode: boolean };
  instances?: Instance[];
}

export interface Instance {
  cluster_type: string;
  cluster_id?: string;
  cluster_name?: string;
  instance_name: string;
  node_memory: number;
  deployment_id?: string;
}

export const COLUMNS: Column<Allocator>[] = [
  ['ID', (a) => a.allocator_id],
  ['ZONE', (a) => a.zone_id],
  ['HOST', (a) => a.public_hostname],
  ['MEMORY_USED_MB', (a) => a.capacity?.memory?.used],
  ['MEMORY_TOTAL_MB', (a) => a.capacity?.memory?.total],
  ['INSTANCES', (a) => a.instances?.length ?? 0],
  ['HEALTHY', (a) => a.status?.healthy],
  ['MAINTENANCE', (a) => a.status?.maintenance_mode],
];

/** A deployment's resource on one allocator, as vacate moves it. */
export interface HostResource {
  kind: string;
  id: string;
  /** The deployment's name as the allocator lists it (cluster_name), else the resource id. */
  name: string;
  deploymentId?: string | undefined;
  instances: number;
}
