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

// The operations of users, other users' API keys, enrollment tokens and TLS
// certificates (issue 17, items 6 and 7), with the first ECE version per
// cloud-sdk-go's api/version/*.md lists.
export const USERS_SECURITY_OPERATIONS: Record<string, string> = {
  'PATCH /users/{user_name}': '2.4.3',
  'GET /users/{user_id}/auth/keys': '2.4.3',
  'GET /users/auth/keys/_all': '2.4.3',
  'DELETE /users/{user_id}/auth/keys/{api_key_id}': '2.4.3',
  'GET /platform/configuration/security/enrollment-tokens': '2.4.3',
  'POST /platform/configuration/security/enrollment-tokens': '2.4.3',
  'DELETE /platform/configuration/security/enrollment-tokens/{token}': '2.4.3',
  'GET /platform/configuration/security/tls/{service_name}': '2.4.3',
  'POST /platform/configuration/security/tls/{service_name}': '2.4.3',
};
