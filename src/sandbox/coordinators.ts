// Coordinators (/platform/infrastructure/coordinators): the three hosts of
// the sandbox run the control plane (a ZooKeeper ensemble of three), and a
// fourth host, installed with the coordinator role, waits as a candidate to
// be promoted. Promoting moves a candidate into the coordinators (202, the
// candidate accepted); demoting takes a coordinator back out, as a pending
// candidate again; ECE refuses to demote the last one (400
// coordinators.coordinator_demote_failed). A coordinator and a candidate are
// named by their host's IP, as runners are.

import { SandboxError } from './errors.js';
import type { Route } from './world.js';

interface Host {
  ip: string;
  hostname: string;
  zkId: number;
}

const hostOf = (n: number): Host => ({
  ip: `192.168.44.${9 + n}`,
  hostname: `ece-host-${n}.ece.local`,
  zkId: n,
});

const coordinatorNotFound = (id: string) =>
  new SandboxError(404, 'coordinators.coordinator_not_found', `Unable to find coordinator [${id}]`);
const candidateNotFound = (id: string) =>
  new SandboxError(
    404,
    'coordinators.candidate_not_found',
    `Unable to find coordinator candidate [${id}]`,
  );

export function coordinatorRoutes(): Route[] {
  const coordinators: Host[] = [1, 2, 3].map(hostOf);
  const candidates: Host[] = [hostOf(4)];
  const summary = (h: Host) => ({
    name: h.ip,
    public_hostname: h.hostname,
    leader_port: 2888,
    election_port: 3888,
    client_port: 2191,
    attributes: { zk_server_id: String(h.zkId) },
  });
  const candidate = (h: Host, state: 'pending' | 'accepted') => ({
    name: h.ip,
    public_hostname: h.hostname,
    id: h.zkId,
    acl: { scheme: 'digest', id: `coordinator-${h.zkId}`, perms: 1 },
    attributes: {},
    state,
  });
  const take = (list: Host[], id: string, missing: (id: string) => SandboxError) => {
    const i = list.findIndex((h) => h.ip === id);
    if (i < 0) throw missing(id);
    return i;
  };
  const base = '/platform/infrastructure/coordinators';
  return [
    {
      method: 'GET',
      path: base,
      handle: () => ({ body: { coordinators: coordinators.map(summary) } }),
    },
    {
      method: 'GET',
      path: `${base}/candidates`,
      handle: () => ({ body: { candidates: candidates.map((h) => candidate(h, 'pending')) } }),
    },
    {
      method: 'GET',
      path: `${base}/candidates/{id}`,
      handle: (c) => {
        const i = take(candidates, c.params.id ?? '', candidateNotFound);
        return { body: candidate(candidates[i] as Host, 'pending') };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/candidates/{id}`,
      handle: (c) => {
        candidates.splice(take(candidates, c.params.id ?? '', candidateNotFound), 1);
        return { body: {} };
      },
    },
    {
      method: 'POST',
      path: `${base}/candidates/{id}/_promote`,
      handle: (c) => {
        const [h] = candidates.splice(take(candidates, c.params.id ?? '', candidateNotFound), 1);
        coordinators.push(h as Host);
        return { status: 202, body: candidate(h as Host, 'accepted') };
      },
    },
    {
      method: 'GET',
      path: `${base}/{id}`,
      handle: (c) => {
        const i = take(coordinators, c.params.id ?? '', coordinatorNotFound);
        return { body: summary(coordinators[i] as Host) };
      },
    },
    {
      method: 'POST',
      path: `${base}/{id}/_demote`,
      handle: (c) => {
        const id = c.params.id ?? '';
        const i = take(coordinators, id, coordinatorNotFound);
        if (coordinators.length === 1)
          throw new SandboxError(
            400,
            'coordinators.coordinator_demote_failed',
            `The coordinator [${id}] could not be demoted: it is the last one`,
          );
        const [h] = coordinators.splice(i, 1);
        candidates.push(h as Host);
        return { body: {} };
      },
    },
  ];
}
