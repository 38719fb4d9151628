// What the allocators commands read of an allocator, and its columns (list
// rows, show fields), and an allocator named by its id or its host.

import { searchAllocators } from '../../api/allocators.js';
import { type ApiClient, type ApiResponse, parseBody } from '../../api/client.js';
import { getAllocator } from '../../api/platform.js';
import type { Column } from '../../output/views.js';
import { byIdOrName, unless404 } from '../run/resolve.js';

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

/**
 * An allocator named by its id or by its host (public host name or IP), by
 * the one rule (`byIdOrName`): the read by id comes first, and only a 404
 * costs one search on the host fields. The answer is the allocator's GET.
 */
export async function readAllocator(
  api: ApiClient,
  ref: string,
): Promise<{ id: string; res: ApiResponse }> {
  type Found = Pick<Allocator, 'allocator_id' | 'public_hostname' | 'host_ip'> & {
    res?: ApiResponse;
  };
  const { id, item } = await byIdOrName<Found>(
    {
      noun: 'allocator',
      direct: (value) =>
        unless404(async () => {
          const res = await getAllocator(api, value);
          return { ...parseBody<Allocator>(res), allocator_id: value, res };
        }),
      candidates: async (value) => {
        const res = await searchAllocators(api, {
          query: {
            bool: {
              should: [{ term: { public_hostname: { value } } }, { term: { host_ip: { value } } }],
            },
          },
          size: 100,
        });
        const body = parseBody<{ zones?: { allocators?: Found[] }[] }>(res);
        return (body.zones ?? []).flatMap((z) => z.allocators ?? []);
      },
      id: (a) => a.allocator_id,
      names: (a) => [a.public_hostname, a.host_ip],
    },
    ref,
  );
  return { id, res: item?.res ?? (await getAllocator(api, id)) };
}
