// Typed calls for /deployments. Silent: they return responses or throw.

import type { ApiClient, ApiResponse } from './client.js';

export interface DeploymentResource {
  ref_id: string;
  id: string;
  kind: string;
  region: string;
  cloud_id?: string;
}

export interface DeploymentListing {
  id: string;
  name: string;
  resources: DeploymentResource[];
}

export interface DeploymentsListResponse {
  deployments: DeploymentListing[];
}

/** GET /deployments: the raw response, so `--json` can print it unchanged. */
export function listDeployments(api: ApiClient): Promise<ApiResponse> {
  return api.request({ method: 'GET', path: '/deployments' });
}
