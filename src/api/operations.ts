// The operations of the platform administration commands (instance
// configurations, snapshot repositories, proxies, constructors, license),
// `METHOD /path/template` → the first ECE version whose API has it (all in
// cloud-sdk-go's 2.4.3 list, the oldest). versions.ts merges them into its
// table; `npm run coverage:api` counts them; test/commands/coverage.test.ts
// keeps the merged table equal to what the typed calls really send.

export const PLATFORM_ADMIN_OPERATIONS: Record<string, string> = {
  'GET /platform/configuration/instances': '2.4.3',
  'POST /platform/configuration/instances': '2.4.3',
  'GET /platform/configuration/instances/{id}': '2.4.3',
  'PUT /platform/configuration/instances/{id}': '2.4.3',
  'DELETE /platform/configuration/instances/{id}': '2.4.3',
  'GET /platform/configuration/snapshots/repositories': '2.4.3',
  'GET /platform/configuration/snapshots/repositories/{repository_name}': '2.4.3',
  'PUT /platform/configuration/snapshots/repositories/{repository_name}': '2.4.3',
  'DELETE /platform/configuration/snapshots/repositories/{repository_name}': '2.4.3',
  'GET /platform/infrastructure/proxies': '2.4.3',
  'GET /platform/infrastructure/proxies/{proxy_id}': '2.4.3',
  'GET /platform/infrastructure/constructors': '2.4.3',
  'GET /platform/infrastructure/constructors/{constructor_id}': '2.4.3',
  'POST /platform/infrastructure/constructors/{constructor_id}/maintenance-mode/_start': '2.4.3',
  'POST /platform/infrastructure/constructors/{constructor_id}/maintenance-mode/_stop': '2.4.3',
  'GET /platform/license': '2.4.3',
  'PUT /platform/license': '2.4.3',
};

// The operations of the instance commands (ece deployments instances …,
// resync), with the first ECE version whose cloud-sdk-go list has each.
export const INSTANCES_OPERATIONS: Record<string, string> = {
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/{instance_ids}/_stop':
    '2.4.3',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/{instance_ids}/_start':
    '2.4.3',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/{instance_ids}/maintenance-mode/_start':
    '2.4.3',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/{instance_ids}/maintenance-mode/_stop':
    '2.4.3',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/maintenance-mode/_start':
    '2.4.3',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/maintenance-mode/_stop':
    '2.4.3',
  'POST /deployments/{deployment_id}/elasticsearch/{ref_id}/instances/{instance_ids}/_move':
    '3.0.0',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/{instance_id}/thread_dump/_capture':
    '2.13.0',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/{instance_id}/heap_dump/_capture':
    '2.12.0',
  'GET /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/{instance_id}/heap_dump/_download':
    '2.12.0',
  'GET /deployments/{deployment_id}/heap_dumps': '2.12.0',
  'POST /deployments/_resync': '2.4.3',
  'POST /deployments/{deployment_id}/_resync': '2.4.3',
};
