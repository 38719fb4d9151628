// The columns of `ece proxies list|show`.

import type { Column } from '../../output/views.js';

export interface ProxyInfo {
  proxy_id: string;
  host_ip: string;
  public_hostname: string;
  zone?: string;
  healthy: boolean;
  allocations: { allocations_type: string; counts: { allocations: number; connectors: number } }[];
}

export const columns: Column<ProxyInfo>[] = [
  ['ID', (p) => p.proxy_id],
  ['HOST', (p) => p.public_hostname],
  ['IP', (p) => p.host_ip],
  ['ZONE', (p) => p.zone],
  ['HEALTHY', (p) => p.healthy],
  [
    'ROUTES',
    (p) =>
      p.allocations
        .filter((a) => a.counts.allocations > 0)
        .map((a) => `${a.allocations_type}=${a.counts.allocations}`),
  ],
];
