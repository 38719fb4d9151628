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

// Extensions and stack packs (extensions from cloud-sdk-go's 2.6.0 list, the
// stack operations from 2.4.3).
export const EXTENSIONS_STACK_OPERATIONS: Record<string, string> = {
  'GET /deployments/extensions': '2.6.0',
  'POST /deployments/extensions': '2.6.0',
  'GET /deployments/extensions/{extension_id}': '2.6.0',
  'POST /deployments/extensions/{extension_id}': '2.6.0',
  'PUT /deployments/extensions/{extension_id}': '2.6.0',
  'DELETE /deployments/extensions/{extension_id}': '2.6.0',
  'GET /stack/versions/{version}': '2.4.3',
  'POST /stack/versions': '2.4.3',
  'DELETE /stack/versions/{version}': '2.4.3',
};

// Templates, runners and runner (blueprinter) roles: the runner and role
// operations are all in cloud-sdk-go's 2.4.3 list; the v2 template writes
// (/deployments/templates) arrive with the v2 reads, in 2.6.0.
export const TEMPLATES_RUNNERS_ROLES_OPERATIONS: Record<string, string> = {
  'POST /deployments/templates': '2.6.0',
  'PUT /deployments/templates/{template_id}': '2.6.0',
  'DELETE /deployments/templates/{template_id}': '2.6.0',
  'GET /platform/infrastructure/runners/{runner_id}': '2.4.3',
  'POST /platform/infrastructure/runners/_search': '2.4.3',
  'POST /platform/infrastructure/runners/_resync': '2.4.3',
  'POST /platform/infrastructure/runners/{runner_id}/_resync': '2.4.3',
  'PUT /platform/infrastructure/runners/{runner_id}/roles': '2.4.3',
  'DELETE /platform/infrastructure/runners/{runner_id}': '2.4.3',
  'GET /platform/infrastructure/blueprinter/roles': '2.4.3',
  'POST /platform/infrastructure/blueprinter/roles': '2.4.3',
  'GET /platform/infrastructure/blueprinter/roles/{blueprinter_role_id}': '2.4.3',
  'PUT /platform/infrastructure/blueprinter/roles/{blueprinter_role_id}': '2.4.3',
  'DELETE /platform/infrastructure/blueprinter/roles/{blueprinter_role_id}': '2.4.3',
};

// The operations of users, other users' API keys, enrollment tokens and TLS
// certificates (issue 17, items 6 and 7), with the first ECE version per
// cloud-sdk-go's api/version/*.md lists.
export const USERS_SECURITY_OPERATIONS: Record<string, string> = {
  'PATCH /users/{user_name}': '2.4.3',
  'GET /users/{user_id}/auth/keys': '2.4.3',
  'GET /users/{user_id}/auth/keys/{api_key_id}': '2.4.3',
  'GET /users/auth/keys/_all': '2.4.3',
  'DELETE /users/{user_id}/auth/keys/{api_key_id}': '2.4.3',
  'GET /platform/configuration/security/enrollment-tokens': '2.4.3',
  'POST /platform/configuration/security/enrollment-tokens': '2.4.3',
  'DELETE /platform/configuration/security/enrollment-tokens/{token}': '2.4.3',
  'GET /platform/configuration/security/tls/{service_name}': '2.4.3',
  'POST /platform/configuration/security/tls/{service_name}': '2.4.3',
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

// The keystore and remote-clusters commands (issue 16). cloud-sdk-go's
// api/version/2.5.0-ms39.md is the first list with the keystore of a
// deployment (2.5.0 is its release); 2.6.0.md the first with remote clusters.
export const KEYSTORE_REMOTE_OPERATIONS: Record<string, string> = {
  'GET /deployments/{deployment_id}/elasticsearch/{ref_id}/keystore': '2.5.0',
  'PATCH /deployments/{deployment_id}/elasticsearch/{ref_id}/keystore': '2.5.0',
  'GET /deployments/{deployment_id}/elasticsearch/{ref_id}/remote-clusters': '2.6.0',
  'PUT /deployments/{deployment_id}/elasticsearch/{ref_id}/remote-clusters': '2.6.0',
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

// What `deployments es` sends through ECE's proxy to a resource (issue 28:
// counted once the coverage script saw them). cloud-sdk-go's 2.13.0 list is
// the first with the proxy for every resource kind.
export const ES_PROXY_OPERATIONS: Record<string, string> = {
  'GET /deployments/{deployment_id}/{resource_kind}/{ref_id}/proxy/{proxy_path}': '2.13.0',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/proxy/{proxy_path}': '2.13.0',
  'PUT /deployments/{deployment_id}/{resource_kind}/{ref_id}/proxy/{proxy_path}': '2.13.0',
  'DELETE /deployments/{deployment_id}/{resource_kind}/{ref_id}/proxy/{proxy_path}': '2.13.0',
};

// Logging settings of allocators, constructors, runners and admin consoles
// (issue 28): cloud-sdk-go's 2.5.0-ms36 list is the first with them (2.5.0
// is its release).
export const LOGGING_OPERATIONS: Record<string, string> = Object.fromEntries(
  [
    'allocators/{allocator_id}',
    'constructors/{constructor_id}',
    'runners/{runner_id}',
    'adminconsoles/{adminconsole_id}',
  ].flatMap((item) =>
    ['GET', 'PUT', 'PATCH', 'DELETE'].map((m) => [
      `${m} /platform/infrastructure/${item}/logging_settings`,
      '2.5.0',
    ]),
  ),
);

// Platform configuration (issue 28): the config store (2.4.3), extra
// certificates and telemetry (2.5.0-ms36), trust relationships (2.5.0-ms39),
// the API base URL (2.6.0), deployment domain names and the global template
// list (2.7.0-ms47), each from cloud-sdk-go's first list naming it; a
// milestone counts as its release.
export const PLATFORM_CONFIG_OPERATIONS: Record<string, string> = {
  'GET /platform/configuration/store': '2.4.3',
  'GET /platform/configuration/store/{config_option_id}': '2.4.3',
  'POST /platform/configuration/store/{config_option_id}': '2.4.3',
  'PUT /platform/configuration/store/{config_option_id}': '2.4.3',
  'DELETE /platform/configuration/store/{config_option_id}': '2.4.3',
  'GET /platform/configuration/trust-relationships': '2.5.0',
  'POST /platform/configuration/trust-relationships': '2.5.0',
  'GET /platform/configuration/trust-relationships/{trust_relationship_id}': '2.5.0',
  'PUT /platform/configuration/trust-relationships/{trust_relationship_id}': '2.5.0',
  'DELETE /platform/configuration/trust-relationships/{trust_relationship_id}': '2.5.0',
  'GET /platform/configuration/security/extra_certs': '2.5.0',
  'GET /platform/configuration/security/extra_certs/{cert_id}': '2.5.0',
  'PUT /platform/configuration/security/extra_certs/{cert_id}': '2.5.0',
  'DELETE /platform/configuration/security/extra_certs/{cert_id}': '2.5.0',
  'GET /platform/configuration/networking/deployment_domain_name': '2.7.0',
  'PUT /platform/configuration/networking/deployment_domain_name': '2.7.0',
  'GET /platform/configuration/networking/deployment_domain_name/{resource_kind}': '2.7.0',
  'PUT /platform/configuration/networking/deployment_domain_name/{resource_kind}': '2.7.0',
  'GET /platform/configuration/api_base_url': '2.6.0',
  'PUT /platform/configuration/api_base_url': '2.6.0',
  'GET /phone-home/config': '2.5.0',
  'PUT /phone-home/config': '2.5.0',
  'GET /platform/configuration/templates/deployments/global': '2.7.0',
};

// One resource of a deployment on its own (ece deployments resource …) and
// the per-resource operations of issue 28, with the first ECE version whose
// cloud-sdk-go api/version list names each operationId; constructors' resync.
// The stateless `…/_upgrade` is left out on purpose: deprecated in ECE 3.8,
// removed in 4.0.
export const RESOURCE_OPERATIONS: Record<string, string> = {
  'GET /deployments/{deployment_id}/elasticsearch/{ref_id}': '2.4.3',
  'GET /deployments/{deployment_id}/kibana/{ref_id}': '2.4.3',
  'GET /deployments/{deployment_id}/apm/{ref_id}': '2.4.3',
  'GET /deployments/{deployment_id}/appsearch/{ref_id}': '2.4.3',
  'GET /deployments/{deployment_id}/enterprise_search/{ref_id}': '2.6.0',
  'GET /deployments/{deployment_id}/integrations_server/{ref_id}': '3.0.0',
  'POST /deployments/{deployment_id}/elasticsearch/{ref_id}/_shutdown': '2.4.3',
  'POST /deployments/{deployment_id}/{stateless_resource_kind}/{ref_id}/_shutdown': '2.4.3',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/_restore': '2.4.3',
  'DELETE /deployments/{deployment_id}/{stateless_resource_kind}/{ref_id}': '2.4.3',
  'POST /deployments/{deployment_id}/elasticsearch/{ref_id}/_enable-ilm': '2.5.0',
  'POST /deployments/{deployment_id}/elasticsearch/{ref_id}/_enable-slm': '2.5.0',
  'POST /deployments/{deployment_id}/elasticsearch/{ref_id}/_enable-ccr': '2.9.0',
  'GET /deployments/{deployment_id}/certificate-authority': '3.3.0',
  'GET /deployments/{deployment_id}/upgrade_assistant/status': '3.0.0',
  'GET /deployments/{deployment_id}/migrate_template': '3.3.0',
  'POST /deployments/{deployment_id}/apm/{ref_id}/_reset-token': '2.6.0',
  'GET /deployments/{deployment_id}/appsearch/{ref_id}/read_only_mode': '2.6.0',
  'PUT /deployments/{deployment_id}/appsearch/{ref_id}/read_only_mode': '2.6.0',
  'POST /deployments/{deployment_id}/elasticsearch/{ref_id}/eligible-remote-clusters': '2.8.0',
  'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/diagnostics/_capture': '2.13.0',
  'PUT /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/overrides': '2.13.0',
  'PUT /deployments/{deployment_id}/{resource_kind}/{ref_id}/instances/{instance_ids}/overrides':
    '2.13.0',
  'POST /platform/infrastructure/constructors/_resync': '2.4.3',
  'POST /platform/infrastructure/constructors/{constructor_id}/_resync': '2.4.3',
};

// Security realms and the security deployment, coordinators, and the
// proxies' filtered groups, health and settings (issue 28), with the first
// cloud-sdk-go list that has each: all in 2.4.3 (the oldest) but the
// security deployment's PUT (2.5.0) and the coordinators (3.5.2).
export const SECURITY_COORDINATORS_PROXIES_OPERATIONS: Record<string, string> = {
  'GET /platform/configuration/security/realms': '2.4.3',
  'POST /platform/configuration/security/realms/_reorder': '2.4.3',
  'POST /platform/configuration/security/realms/ldap': '2.4.3',
  'GET /platform/configuration/security/realms/ldap/{realm_id}': '2.4.3',
  'PUT /platform/configuration/security/realms/ldap/{realm_id}': '2.4.3',
  'DELETE /platform/configuration/security/realms/ldap/{realm_id}': '2.4.3',
  'POST /platform/configuration/security/realms/saml': '2.4.3',
  'GET /platform/configuration/security/realms/saml/{realm_id}': '2.4.3',
  'PUT /platform/configuration/security/realms/saml/{realm_id}': '2.4.3',
  'DELETE /platform/configuration/security/realms/saml/{realm_id}': '2.4.3',
  'POST /platform/configuration/security/realms/active-directory': '2.4.3',
  'GET /platform/configuration/security/realms/active-directory/{realm_id}': '2.4.3',
  'PUT /platform/configuration/security/realms/active-directory/{realm_id}': '2.4.3',
  'DELETE /platform/configuration/security/realms/active-directory/{realm_id}': '2.4.3',
  'GET /platform/configuration/security/deployment': '2.4.3',
  'POST /platform/configuration/security/deployment': '2.4.3',
  'PUT /platform/configuration/security/deployment': '2.5.0',
  'GET /platform/infrastructure/coordinators': '3.5.2',
  'GET /platform/infrastructure/coordinators/{coordinator_id}': '3.5.2',
  'POST /platform/infrastructure/coordinators/{coordinator_id}/_demote': '3.5.2',
  'GET /platform/infrastructure/coordinators/candidates': '3.5.2',
  'GET /platform/infrastructure/coordinators/candidates/{coordinator_candidate_id}': '3.5.2',
  'DELETE /platform/infrastructure/coordinators/candidates/{coordinator_candidate_id}': '3.5.2',
  'POST /platform/infrastructure/coordinators/candidates/{coordinator_candidate_id}/_promote':
    '3.5.2',
  'POST /platform/infrastructure/proxies/filtered-groups': '2.4.3',
  'GET /platform/infrastructure/proxies/filtered-groups/{proxies_filtered_group_id}': '2.4.3',
  'PUT /platform/infrastructure/proxies/filtered-groups/{proxies_filtered_group_id}': '2.4.3',
  'DELETE /platform/infrastructure/proxies/filtered-groups/{proxies_filtered_group_id}': '2.4.3',
  'GET /platform/infrastructure/proxies/filtered-groups/{proxies_filtered_group_id}/health':
    '2.4.3',
  'GET /platform/infrastructure/proxies/health': '2.4.3',
  'GET /platform/infrastructure/proxies/settings': '2.4.3',
  'PUT /platform/infrastructure/proxies/settings': '2.4.3',
  'PATCH /platform/infrastructure/proxies/settings': '2.4.3',
};
