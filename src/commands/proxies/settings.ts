// What the settings verbs share: the secret fields of the proxies' settings
// (signature_secret, http_settings.cookie_secret,
// http_settings.sso_settings.sso_secret), masked in what `settings show`
// prints and registered as secrets of the run (masked in every output and
// trace, variables in a dry run's curl line) when a file gives them. A
// masked value (as `show --json` prints them) means "keep the current one".

import type { ApiResponse } from '../../api/body.js';
import { parseBody } from '../../api/body.js';
import type { Context } from '../../context.js';
import { MASK } from '../../mask.js';
import { type Column, fieldsView } from '../../output/views.js';

type Doc = Record<string, unknown>;

const SECRET_PATHS = [
  ['signature_secret'],
  ['http_settings', 'cookie_secret'],
  ['http_settings', 'sso_settings', 'sso_secret'],
] as const;

function at(doc: unknown, path: readonly string[]): unknown {
  let v: unknown = doc;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Doc)[k] : undefined;
  return v;
}

/** A copy of `doc` with the value at `path` set (undefined: removed). */
function withValue(doc: Doc, path: readonly string[], value: unknown): Doc {
  const [head, ...rest] = path;
  if (head === undefined) return doc;
  const out = { ...doc };
  if (rest.length === 0) {
    if (value === undefined) delete out[head];
    else out[head] = value;
  } else if (out[head] !== null && typeof out[head] === 'object')
    out[head] = withValue(out[head] as Doc, rest, value);
  return out;
}

/** The settings as read, secrets masked, and the version they were read at. */
export function readSettings(res: ApiResponse): {
  body: ApiResponse | string;
  current: Doc;
  masked: Doc;
  version: string | undefined;
} {
  const current = parseBody<Doc>(res);
  let masked = current;
  for (const p of SECRET_PATHS)
    if (typeof at(current, p) === 'string') masked = withValue(masked, p, MASK);
  const version = res.headers['x-cloud-resource-version'];
  // Not byte for byte where a secret was: a secret never reaches stdout.
  return { body: masked === current ? res : JSON.stringify(masked), current, masked, version };
}

/**
 * The document to send: masked secrets replaced by the current ones (or, in
 * a patch, left out: unchanged), the others registered and given variables.
 */
export async function withSecrets(
  ctx: Context,
  doc: Doc,
  current: Doc | undefined,
): Promise<{ body: Doc; variables: Record<string, string> }> {
  const api = await ctx.api();
  let body = doc;
  const variables: Record<string, string> = {};
  for (const p of SECRET_PATHS) {
    let v = at(body, p);
    if (v === MASK) {
      v = current ? at(current, p) : undefined;
      body = withValue(body, p, v);
    }
    if (typeof v === 'string' && v !== '') {
      api.addSecret(v);
      variables[v] = `ECE_PROXY_${(p.at(-1) ?? '').toUpperCase()}`;
    }
  }
  return { body, variables };
}

interface Settings {
  expected_proxies_count: number;
  signature_valid_for_millis: number;
  http_settings?: {
    dashboards_base_url?: string;
    minimum_proxy_services?: number;
    disconnected_cutoff?: number;
    sso_settings?: { cookie_name?: string; max_age?: number };
  };
}

const columns: Column<Settings>[] = [
  ['EXPECTED_PROXIES', (s) => s.expected_proxies_count],
  ['SIGNATURE_VALID_MS', (s) => s.signature_valid_for_millis],
  ['DASHBOARDS_BASE_URL', (s) => s.http_settings?.dashboards_base_url],
  ['MINIMUM_PROXY_SERVICES', (s) => s.http_settings?.minimum_proxy_services],
  ['DISCONNECTED_CUTOFF_MS', (s) => s.http_settings?.disconnected_cutoff],
  ['SSO_COOKIE', (s) => s.http_settings?.sso_settings?.cookie_name],
  ['SSO_MAX_AGE_MS', (s) => s.http_settings?.sso_settings?.max_age],
];

export const settingsView = fieldsView(columns);

export const changedHint = (err: { isVersionConflict: boolean }) =>
  err.isVersionConflict
    ? 'the proxy settings changed since they were read: run the command again'
    : undefined;
