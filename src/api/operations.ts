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

// The allocator commands beyond list/show/maintenance (vacate, delete,
// search, metadata); all in cloud-sdk-go's 2.4.3 list.
export const ALLOCATOR_OPERATIONS: Record<string, string> = {
  'POST /platform/infrastructure/allocators/{allocator_id}/clusters/_move': '2.4.3',
  'POST /platform/infrastructure/allocators/{allocator_id}/clusters/{cluster_type}/_move': '2.4.3',
  'DELETE /platform/infrastructure/allocators/{allocator_id}': '2.4.3',
  'POST /platform/infrastructure/allocators/_search': '2.4.3',
  'GET /platform/infrastructure/allocators/{allocator_id}/metadata': '2.4.3',
  'PUT /platform/infrastructure/allocators/{allocator_id}/metadata/{key}': '2.4.3',
  'DELETE /platform/infrastructure/allocators/{allocator_id}/metadata/{key}': '2.4.3',
};
