// The columns of `ece constructors list|show`.

import type { Column } from '../../output/views.js';

export interface Constructor {
  constructor_id: string;
  status: { connected: boolean; maintenance_mode: boolean };
}

export const columns: Column<Constructor>[] = [
  ['ID', (c) => c.constructor_id],
  ['CONNECTED', (c) => c.status.connected],
  ['MAINTENANCE', (c) => c.status.maintenance_mode],
];
