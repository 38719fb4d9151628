// Typed calls for the coordinators (/platform/infrastructure/coordinators):
// the hosts that run the control plane (ZooKeeper ensemble), and the
// candidates — hosts installed with the coordinator role that wait to be
// promoted into it. Writes are planned requests. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

const BASE = '/platform/infrastructure/coordinators';

export const listCoordinators = (api: ApiClient) => api.request({ path: BASE });

export const getCoordinator = (api: ApiClient, id: string) =>
  api.request({ path: `${BASE}/${segment(id)}` });

export const listCoordinatorCandidates = (api: ApiClient) =>
  api.request({ path: `${BASE}/candidates` });

export const getCoordinatorCandidate = (api: ApiClient, id: string) =>
  api.request({ path: `${BASE}/candidates/${segment(id)}` });

/** POST _promote: 202 with the candidate; it joins the coordinators. */
export const promoteCandidateRequest = (id: string): RequestOptions => ({
  method: 'POST',
  path: `${BASE}/candidates/${segment(id)}/_promote`,
  // A second promote of a promoted candidate finds no candidate (404): not retried blindly.
  idempotent: false,
});

/** POST _demote: the coordinator leaves the control plane. */
export const demoteCoordinatorRequest = (id: string): RequestOptions => ({
  method: 'POST',
  path: `${BASE}/${segment(id)}/_demote`,
  idempotent: false,
});

/** DELETE a candidate (the spec lists no 409 here, so no ?version= is sent). */
export const deleteCandidateRequest = (id: string): RequestOptions => ({
  method: 'DELETE',
  path: `${BASE}/candidates/${segment(id)}`,
});
