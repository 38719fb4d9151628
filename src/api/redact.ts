// Masks secrets in anything that is traced or echoed: headers, JSON bodies
// (by field name), and any literal secret the run knows about where it
// stands as a value (mask.ts: never inside a longer name).

import { MASK, replaceWhole } from '../mask.js';

export { MASK };

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);
// Elasticsearch's credentials under names that do not sound secret are here
// too: `encoded` (POST /_security/api_key), the CA and transport keys of
// node enrollment, Kibana's encryption keys, Kerberos tickets.
const SECRET_FIELD =
  /pass(word)?|secret|token|api_?key|^key$|credentials?|private|auth_?header|^encoded$|encryption_?key|^(http_ca|transport)_key$|ticket/i;
/**
 * Objects whose `value` is the secret ({"token":{"name":…,"value":…}} of a
 * service token or Kibana enrollment, {"client_authentication":{"scheme":…,
 * "value":…}}): the name beside it stays readable.
 */
const SECRET_PARENT = new RegExp(`${SECRET_FIELD.source}|authentication$`, 'i');

/** Authorization, cookies, API key headers: never shown, never in an argv. */
export const isSecretHeader = (name: string): boolean => SECRET_HEADERS.has(name.toLowerCase());

export function redactHeader(name: string, value: string): string {
  if (!isSecretHeader(name)) return value;
  const scheme = /^(ApiKey|Bearer|Basic)\s+/i.exec(value);
  return scheme ? `${scheme[1]} ${MASK}` : MASK;
}

/** A JSON body with secret-looking fields masked; other text with known secrets masked. */
export function redactBody(text: string, secrets: readonly string[]): string {
  let out = text;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      out = JSON.stringify(redactValue(JSON.parse(text)), null, 2);
    } catch {
      // Not JSON after all: fall through to literal masking.
    }
  }
  return redactLiterals(out, secrets);
}

/**
 * A PEM private key anywhere in a text (a TLS body is one JSON string holding
 * key and certificates, so no field name says where it is); escaped line
 * breaks (\\n) included.
 */
const PRIVATE_KEY =
  /-----BEGIN ([A-Z ]+ )?PRIVATE KEY-----[\s\S]*?-----END ([A-Z ]+ )?PRIVATE KEY-----/g;

const HAS_PRIVATE_KEY = new RegExp(PRIVATE_KEY.source);

export function redactLiterals(text: string, secrets: readonly string[]): string {
  let out = text.replace(PRIVATE_KEY, MASK);
  for (const s of secrets) if (s.length >= 4 && out.includes(s)) out = replaceWhole(out, s, MASK);
  return out;
}

function redactValue(v: unknown, underSecret = false): unknown {
  if (Array.isArray(v)) return v.map((x) => redactValue(x, underSecret));
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, val] of Object.entries(v)) {
    // Objects under a secret-looking name are searched, not hidden: their
    // usernames and ids help debugging; their scalar secrets are masked.
    const scalar = typeof val === 'string' || typeof val === 'number';
    const secret = SECRET_FIELD.test(k) || (underSecret && k === 'value');
    // The keystore's `secrets` (setting → {value, as_file}): every value beneath is secret.
    if (k === 'secrets' && val !== null && typeof val === 'object') out[k] = maskLeaves(val);
    else out[k] = scalar && secret ? MASK : redactValue(val, SECRET_PARENT.test(k));
  }
  return out;
}

/** Every string and number beneath masked; names and booleans (as_file) kept. */
function maskLeaves(v: unknown): unknown {
  if (typeof v === 'string' || typeof v === 'number') return MASK;
  if (Array.isArray(v)) return v.map(maskLeaves);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, val]) => [k, maskLeaves(val)]));
}

/**
 * The secrets in a request body a user wrote (`ece api --input`), each with
 * the shell variable a dry run's curl line shows in its place: passwords
 * (ECE_PASSWORD), other secret-named fields (ECE_SECRET), keystore values
 * (ECE_KEYSTORE_VALUE) and PEM private keys anywhere (ECE_TLS_KEY); a second
 * different value of a kind gets _2, and so on.
 */
export function secretVariables(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  const counts: Record<string, number> = {};
  const add = (value: string, name: string) => {
    if (value === '' || value in out) return;
    counts[name] = (counts[name] ?? 0) + 1;
    out[value] = counts[name] === 1 ? name : `${name}_${counts[name]}`;
  };
  const keys = (text: string) => {
    for (const m of text.matchAll(PRIVATE_KEY)) add(m[0], 'ECE_TLS_KEY');
  };
  const walk = (v: unknown, key: string | undefined, inSecrets: boolean): void => {
    if (typeof v === 'string') {
      keys(v);
      if (inSecrets) add(v, 'ECE_KEYSTORE_VALUE');
      else if (key !== undefined && SECRET_FIELD.test(key) && !HAS_PRIVATE_KEY.test(v))
        add(v, /pass/i.test(key) ? 'ECE_PASSWORD' : 'ECE_SECRET');
      return;
    }
    if (Array.isArray(v)) for (const x of v) walk(x, key, inSecrets);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, k, inSecrets || k === 'secrets');
  };
  try {
    walk(JSON.parse(body), undefined, false);
  } catch {
    keys(body);
  }
  return out;
}
