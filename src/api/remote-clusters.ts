// Typed calls for the remote clusters of an Elasticsearch resource
// (/deployments/{id}/elasticsearch/{ref_id}/remote-clusters). The PUT
// replaces the whole list and takes no `version`: ECE offers no conflict
// check here. Silent.

import type { ApiClient, ApiResponse, RequestOptions } from './client.js';
import { segment } from './path.js';

const remotePath = (id: string, refId: string) =>
  `/deployments/${segment(id)}/elasticsearch/${segment(refId)}/remote-clusters`;

export interface RemoteCluster {
  alias: string;
  deployment_id: string;
  elasticsearch_ref_id: string;
  skip_unavailable?: boolean;
  info?: {
    healthy?: boolean;
    connected?: boolean;
    compatible?: boolean;
    trusted?: boolean;
    trusted_back?: boolean;
  };
}

/** GET …/remote-clusters: RemoteResources. */
export function getRemoteClusters(api: ApiClient, id: string, refId: string): Promise<ApiResponse> {
  return api.request({ method: 'GET', path: remotePath(id, refId) });
}

/** PUT …/remote-clusters: the whole list (RemoteResources). */
export function setRemoteClustersRequest(id: string, refId: string, body: unknown): RequestOptions {
  return { method: 'PUT', path: remotePath(id, refId), body };
}
