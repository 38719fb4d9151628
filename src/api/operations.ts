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

// The operations of traffic filter rulesets and comments. Comments are in
// cloud-sdk-go's 2.4.3 list (the oldest); the traffic filter operations are
// in the 2.5.0 milestone lists but not in the 2.5.0 release list, so their
// first listed release is 2.6.0.

export const TRAFFIC_FILTERS_COMMENTS_OPERATIONS: Record<string, string> = {
  'GET /deployments/traffic-filter/rulesets': '2.6.0',
  'POST /deployments/traffic-filter/rulesets': '2.6.0',
  'GET /deployments/traffic-filter/rulesets/{ruleset_id}': '2.6.0',
  'PUT /deployments/traffic-filter/rulesets/{ruleset_id}': '2.6.0',
  'DELETE /deployments/traffic-filter/rulesets/{ruleset_id}': '2.6.0',
  'POST /deployments/traffic-filter/rulesets/{ruleset_id}/associations': '2.6.0',
  'DELETE /deployments/traffic-filter/rulesets/{ruleset_id}/associations/{association_type}/{associated_entity_id}':
    '2.6.0',
  'GET /deployments/traffic-filter/associations/{association_type}/{associated_entity_id}/rulesets':
    '2.6.0',
  'GET /comments/{resource_type}/{resource_id}': '2.4.3',
  'POST /comments/{resource_type}/{resource_id}': '2.4.3',
  'GET /comments/{resource_type}/{resource_id}/{comment_id}': '2.4.3',
  'PUT /comments/{resource_type}/{resource_id}/{comment_id}': '2.4.3',
  'DELETE /comments/{resource_type}/{resource_id}/{comment_id}': '2.4.3',
};
