// Typed calls for the Elasticsearch keystore of a deployment
// (/deployments/{id}/elasticsearch/{ref_id}/keystore). ECE never returns the
// values; a PATCH is partial: the settings it names are set, or removed when
// their entry is empty ({}), and the others stay. The PATCH takes no
// `version`: ECE offers no conflict check on the keystore. Silent.

import type { ApiClient, ApiResponse, RequestOptions } from './client.js';
import { segment } from './path.js';

/** The shell variable a dry run's curl line shows in place of a value. */
export const VALUE_VARIABLE = 'ECE_KEYSTORE_VALUE';

const keystorePath = (id: string, refId: string) =>
  `/deployments/${segment(id)}/elasticsearch/${segment(refId)}/keystore`;

/** GET …/keystore: the setting names, each with as_file, never a value. */
export function getKeystore(api: ApiClient, id: string, refId: string): Promise<ApiResponse> {
  return api.request({ method: 'GET', path: keystorePath(id, refId) });
}

/** PATCH …/keystore setting one value (a file when asFile); the value is a secret. */
export function setSecretRequest(
  id: string,
  refId: string,
  setting: string,
  value: string,
  asFile: boolean,
): RequestOptions {
  return {
    method: 'PATCH',
    path: keystorePath(id, refId),
    body: { secrets: { [setting]: { value, as_file: asFile } } },
    variables: { [value]: VALUE_VARIABLE },
    // Sending the same value twice leaves the same keystore.
    idempotent: true,
  };
}

/** PATCH …/keystore removing settings: an entry without a value removes it. */
export function unsetSecretsRequest(id: string, refId: string, settings: string[]): RequestOptions {
  return {
    method: 'PATCH',
    path: keystorePath(id, refId),
    body: { secrets: Object.fromEntries(settings.map((s) => [s, {}])) },
    idempotent: true,
  };
}

/**
 * PATCH …/keystore with several settings at once (a KeystoreContents the
 * user wrote); `variables` maps each secret value to the shell variable a
 * dry run's curl line shows in its place.
 */
export function setSecretsRequest(
  id: string,
  refId: string,
  contents: { secrets: Record<string, unknown> },
  variables: Record<string, string>,
): RequestOptions {
  return {
    method: 'PATCH',
    path: keystorePath(id, refId),
    body: contents,
    variables,
    idempotent: true,
  };
}
