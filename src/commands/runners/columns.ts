// The runner columns `ece runners list|search|show` share.

import type { Column } from '../../output/views.js';

export interface Runner {
  runner_id: string;
  runner_name?: string;
  host_ip?: string;
  public_hostname: string;
  zone?: string;
  region?: string;
  roles: { role_name: string }[];
  containers?: { container_name: string }[];
  connected: boolean;
  healthy: boolean;
}

export const roleNames = (r: Runner): string[] => (r.roles ?? []).map((x) => x.role_name);

export const columns: Column<Runner>[] = [
  ['ID', (r) => r.runner_id],
  ['HOST', (r) => r.public_hostname],
  ['ZONE', (r) => r.zone],
  ['ROLES', roleNames],
  ['CONNECTED', (r) => r.connected],
  ['HEALTHY', (r) => r.healthy],
];

export const detailColumns: Column<Runner>[] = [
  ['ID', (r) => r.runner_id],
  ['NAME', (r) => r.runner_name],
  ['HOST', (r) => r.public_hostname],
  ['IP', (r) => r.host_ip],
  ['ZONE', (r) => r.zone],
  ['REGION', (r) => r.region],
  ['ROLES', roleNames],
  ['CONNECTED', (r) => r.connected],
  ['HEALTHY', (r) => r.healthy],
  ['CONTAINERS', (r) => (r.containers ?? []).map((c) => c.container_name)],
];
