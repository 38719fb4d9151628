// Typed calls for the platform's configuration beyond its certificates and
// realms: the config store (/platform/configuration/store), trust
// relationships with other environments, extra certificates, the
// deployment domain name, the API base URL, telemetry (/phone-home/config)
// and the deployment templates of every region. Reads are sent; writes are
// returned as planned requests. `version` is the x-cloud-resource-version a
// read answered with: sent back as ?version= where the spec has a 409 for a
// change made in between. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

const STORE = '/platform/configuration/store';
const TRUST = '/platform/configuration/trust-relationships';
const EXTRA_CERTS = '/platform/configuration/security/extra_certs';
const DOMAIN = '/platform/configuration/networking/deployment_domain_name';
const API_BASE_URL = '/platform/configuration/api_base_url';
const TELEMETRY = '/phone-home/config';

const versioned = (version: string | undefined) => (version === undefined ? {} : { version });

// Config store options: named string values ECE's services read.

export const listConfigStore = (api: ApiClient) => api.request({ path: STORE });

export const getConfigStoreOption = (api: ApiClient, name: string) =>
  api.request({ path: `${STORE}/${segment(name)}` });

/** POST: a new option; ECE answers 400 platform.config.store.already_exists for a taken name. */
export const createConfigStoreOptionRequest = (name: string, value: string): RequestOptions => ({
  method: 'POST',
  path: `${STORE}/${segment(name)}`,
  body: { value },
  idempotent: false,
});

/** PUT with the version read: a change in between is a 409. */
export const updateConfigStoreOptionRequest = (
  name: string,
  value: string,
  version: string | undefined,
): RequestOptions => ({
  method: 'PUT',
  path: `${STORE}/${segment(name)}`,
  query: versioned(version),
  body: { value },
});

export const deleteConfigStoreOptionRequest = (name: string): RequestOptions => ({
  method: 'DELETE',
  path: `${STORE}/${segment(name)}`,
});

// Trust relationships: other environments whose deployments this one's trust.

export const listTrustRelationships = (api: ApiClient, opts: { certificates?: boolean } = {}) =>
  api.request({
    path: TRUST,
    query: opts.certificates ? { include_certificate: true } : {},
  });

export const getTrustRelationship = (
  api: ApiClient,
  id: string,
  opts: { certificates?: boolean } = {},
) =>
  api.request({
    path: `${TRUST}/${segment(id)}`,
    query: opts.certificates ? { include_certificate: true } : {},
  });

export const createTrustRelationshipRequest = (body: unknown): RequestOptions => ({
  method: 'POST',
  path: TRUST,
  body,
  idempotent: false,
});

/** PUT: the fields given change, the others stay (every field of the request is optional). */
export const updateTrustRelationshipRequest = (id: string, body: unknown): RequestOptions => ({
  method: 'PUT',
  path: `${TRUST}/${segment(id)}`,
  body,
});

export const deleteTrustRelationshipRequest = (id: string): RequestOptions => ({
  method: 'DELETE',
  path: `${TRUST}/${segment(id)}`,
});

// Extra certificates: bundles ECE keeps under an id (their public chains are readable).

export const listExtraCertificates = (api: ApiClient) => api.request({ path: EXTRA_CERTS });

export const getExtraCertificate = (api: ApiClient, id: string) =>
  api.request({ path: `${EXTRA_CERTS}/${segment(id)}` });

/**
 * PUT the bundle as text (the spec's body is a string it consumes as
 * application/text). A private key in it is named as $ECE_EXTRA_CERT_KEY in
 * a dry run's curl line.
 */
export const setExtraCertificateRequest = (
  id: string,
  bundle: string,
  key: string | undefined,
): RequestOptions => ({
  method: 'PUT',
  path: `${EXTRA_CERTS}/${segment(id)}`,
  body: bundle,
  headers: { 'content-type': 'application/text' },
  ...(key === undefined ? {} : { variables: { [key]: 'ECE_EXTRA_CERT_KEY' } }),
});

export const deleteExtraCertificateRequest = (id: string): RequestOptions => ({
  method: 'DELETE',
  path: `${EXTRA_CERTS}/${segment(id)}`,
});

// The deployment domain name: the default, or one resource kind's.

interface CascadeOptions {
  /** x-cloud-resource-version of the read; none: an unconditional upsert. */
  version?: string | undefined;
  /** skip_cascading_operations: do not re-provision the security deployment. */
  skipCascading?: boolean | undefined;
}

const cascadeQuery = (opts: CascadeOptions) => ({
  ...versioned(opts.version),
  ...(opts.skipCascading ? { skip_cascading_operations: true } : {}),
});

export const getDefaultDomainName = (api: ApiClient) => api.request({ path: DOMAIN });

export const getKindDomainName = (api: ApiClient, kind: string) =>
  api.request({ path: `${DOMAIN}/${segment(kind)}` });

export const setDefaultDomainNameRequest = (
  value: string,
  opts: CascadeOptions = {},
): RequestOptions => ({ method: 'PUT', path: DOMAIN, query: cascadeQuery(opts), body: { value } });

export const setKindDomainNameRequest = (
  kind: string,
  value: string,
  opts: CascadeOptions = {},
): RequestOptions => ({
  method: 'PUT',
  path: `${DOMAIN}/${segment(kind)}`,
  query: cascadeQuery(opts),
  body: { value },
});

// The API base URL: where ECE says its API is (links it sends, SAML).

export const getApiBaseUrl = (api: ApiClient) => api.request({ path: API_BASE_URL });

export const setApiBaseUrlRequest = (value: string, opts: CascadeOptions = {}): RequestOptions => ({
  method: 'PUT',
  path: API_BASE_URL,
  query: cascadeQuery(opts),
  body: { value },
});

// Telemetry: whether ECE phones home usage data.

export const getTelemetry = (api: ApiClient) => api.request({ path: TELEMETRY });

export const setTelemetryRequest = (enabled: boolean): RequestOptions => ({
  method: 'PUT',
  path: TELEMETRY,
  body: { enabled },
});

// The deployment templates of every region at once.

export const getGlobalTemplates = (api: ApiClient) =>
  api.request({ path: '/platform/configuration/templates/deployments/global' });
