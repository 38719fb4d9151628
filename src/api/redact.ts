// Masks secrets in anything that is traced or echoed: headers, JSON bodies
// (by field name), and any literal secret the run knows about.

export const MASK = '********';

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);
const SECRET_FIELD = /pass(word)?|secret|token|api_?key|^key$|credentials?|private|auth_?header/i;

export function redactHeader(name: string, value: string): string {
  if (!SECRET_HEADERS.has(name.toLowerCase())) return value;
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

export function redactLiterals(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(MASK);
  return out;
}

function redactValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redactValue);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    // Objects under a secret-looking name are searched, not hidden: their
    // usernames and ids help debugging; their scalar secrets are masked.
    const scalar = typeof val === 'string' || typeof val === 'number';
    // The keystore's `secrets` (setting → {value, as_file}): every value beneath is secret.
    if (k === 'secrets' && val !== null && typeof val === 'object') out[k] = maskLeaves(val);
    else out[k] = scalar && SECRET_FIELD.test(k) ? MASK : redactValue(val);
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
