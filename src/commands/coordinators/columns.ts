// The columns of `ece coordinators` and its candidates.

import type { Column } from '../../output/views.js';

export interface Coordinator {
  name: string;
  public_hostname: string;
  client_port: number;
  leader_port: number;
  election_port: number;
}

export interface Candidate {
  name: string;
  public_hostname: string;
  id?: number;
  state: string;
}

export const coordinatorColumns: Column<Coordinator>[] = [
  ['ID', (c) => c.name],
  ['HOST', (c) => c.public_hostname],
  ['CLIENT_PORT', (c) => c.client_port],
  ['LEADER_PORT', (c) => c.leader_port],
  ['ELECTION_PORT', (c) => c.election_port],
];

export const candidateColumns: Column<Candidate>[] = [
  ['ID', (c) => c.name],
  ['HOST', (c) => c.public_hostname],
  ['STATE', (c) => c.state],
  ['ZK_ID', (c) => c.id],
];
