// Typed calls for the platform's security configuration
// (/platform/configuration/security): the LDAP, SAML and Active Directory
// realms users of the Cloud UI and API sign in through, their order, and
// the security deployment. A realm has a version (x-cloud-resource-version
// of its GET); update and delete send the one read, so that a change made in
// between is refused (409). Reads are sent; writes are planned requests.
// Secret fields of a realm go into `variables` (value → shell variable) so
// that a dry run's curl line shows them as variables; without it the client
// names them from the field names. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

const SECURITY = '/platform/configuration/security';
const REALMS = `${SECURITY}/realms`;

/** The realm types with their own endpoints, by the path segment ECE gives each. */
export const REALM_KINDS = ['ldap', 'saml', 'active-directory'] as const;
export type RealmKind = (typeof REALM_KINDS)[number];

/**
 * The secret fields of each realm type's settings (LdapSettings, SamlSettings,
 * ActiveDirectorySettings in the spec): read from a file, stdin or a prompt,
 * never a flag, and masked everywhere.
 */
export const REALM_SECRETS: Record<RealmKind, readonly string[]> = {
  ldap: ['bind_password', 'certificate_url_truststore_password'],
  'active-directory': ['bind_password', 'certificate_url_truststore_password'],
  saml: [
    'signing_certificate_url_password',
    'encryption_certificate_url_password',
    'ssl_certificate_url_truststore_password',
  ],
};

export const listRealms = (api: ApiClient) => api.request({ path: REALMS });

/** POST _reorder: every realm id, in the order ECE should try them. */
export const reorderRealmsRequest = (ids: string[]): RequestOptions => ({
  method: 'POST',
  path: `${REALMS}/_reorder`,
  body: { realms: ids },
  // Sending the same order twice leaves the same order.
  idempotent: true,
});

// One function per realm type and operation (made by the factories below),
// so that each one's request is known without a type argument.
const realmGet = (kind: RealmKind) => (api: ApiClient, id: string) =>
  api.request({ path: `${REALMS}/${kind}/${segment(id)}` });

const realmCreate =
  (kind: RealmKind) =>
  (body: unknown, variables?: Record<string, string>): RequestOptions => ({
    method: 'POST',
    path: `${REALMS}/${kind}`,
    body,
    ...(variables ? { variables } : {}),
    // A second POST of the same id is refused (security_realm.id_conflict), not made twice.
    idempotent: false,
  });

const realmUpdate =
  (kind: RealmKind) =>
  (
    id: string,
    body: unknown,
    version: string | undefined,
    variables?: Record<string, string>,
  ): RequestOptions => ({
    method: 'PUT',
    path: `${REALMS}/${kind}/${segment(id)}`,
    query: { version },
    body,
    ...(variables ? { variables } : {}),
  });

const realmDelete = (kind: RealmKind) => (id: string, version: string | undefined) =>
  ({
    method: 'DELETE',
    path: `${REALMS}/${kind}/${segment(id)}`,
    query: { version },
  }) satisfies RequestOptions;

export const getLdapRealm = realmGet('ldap');
export const createLdapRealm = realmCreate('ldap');
export const updateLdapRealm = realmUpdate('ldap');
export const deleteLdapRealm = realmDelete('ldap');
export const getSamlRealm = realmGet('saml');
export const createSamlRealm = realmCreate('saml');
export const updateSamlRealm = realmUpdate('saml');
export const deleteSamlRealm = realmDelete('saml');
export const getAdRealm = realmGet('active-directory');
export const createAdRealm = realmCreate('active-directory');
export const updateAdRealm = realmUpdate('active-directory');
export const deleteAdRealm = realmDelete('active-directory');

/** The calls of one realm type. */
export const REALM_CALLS = {
  ldap: {
    get: getLdapRealm,
    create: createLdapRealm,
    update: updateLdapRealm,
    delete: deleteLdapRealm,
  },
  saml: {
    get: getSamlRealm,
    create: createSamlRealm,
    update: updateSamlRealm,
    delete: deleteSamlRealm,
  },
  'active-directory': {
    get: getAdRealm,
    create: createAdRealm,
    update: updateAdRealm,
    delete: deleteAdRealm,
  },
} satisfies Record<RealmKind, unknown>;

/** GET: the security deployment (404 security_deployment.not_found when there is none). */
export const getSecurityDeployment = (api: ApiClient) =>
  api.request({ path: `${SECURITY}/deployment` });

/** POST: {name?, version?, topology?}; 409 security_deployment.already_exists when there is one. */
export const createSecurityDeploymentRequest = (body: unknown): RequestOptions => ({
  method: 'POST',
  path: `${SECURITY}/deployment`,
  body,
  idempotent: false,
});

/** PUT: {version?, topology?}: an upgrade or a new size, as a plan of the deployment. */
export const updateSecurityDeploymentRequest = (body: unknown): RequestOptions => ({
  method: 'PUT',
  path: `${SECURITY}/deployment`,
  body,
});
