// Typed calls for the platform's TLS certificates
// (/platform/configuration/security/tls/{service_name}). The chain sent by a
// set holds the private key: the request names it as a shell variable for a
// dry run's curl line. Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

const BASE = '/platform/configuration/security/tls';

export const getTlsCertificate = (api: ApiClient, service: string) =>
  api.request({ path: `${BASE}/${segment(service)}` });

/**
 * POST the new chain: the PEM private key, then the server certificate, then
 * the rest of the chain, as one JSON string (the spec's body is a string).
 * The key appears in a dry run's curl line as $ECE_TLS_KEY.
 */
export const setTlsCertificateRequest = (
  service: string,
  key: string,
  chain: string,
): RequestOptions => ({
  method: 'POST',
  path: `${BASE}/${segment(service)}`,
  body: JSON.stringify(`${key}\n${chain}`),
  variables: { [key]: 'ECE_TLS_KEY' },
});
