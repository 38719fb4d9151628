// `--dry-run`: the request as a curl command line that a user can run, with
// the credential left as the environment variable it should come from.

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** multipart/form-data fields (`-F name=value`; `@path` sends a file). */
  form?: Record<string, string> | undefined;
  /** Secret values in the body → the shell variables shown in their place. */
  variables?: Record<string, string> | undefined;
  caCert?: string | undefined;
  insecure?: boolean;
}

export function toCurl(req: CurlRequest): string {
  const parts = ['curl', '-sS', '-X', req.method, shellQuote(req.url)];
  if (req.caCert) parts.push('--cacert', shellQuote(req.caCert));
  if (req.insecure) parts.push('-k');
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.toLowerCase() === 'authorization') {
      // Double quotes so the shell substitutes the variable.
      const variable = value.startsWith('Bearer') ? '$ECE_TOKEN' : '$ECE_API_KEY';
      const scheme = value.startsWith('Bearer') ? 'Bearer' : 'ApiKey';
      parts.push('-H', `"Authorization: ${scheme} ${variable}"`);
    } else {
      parts.push('-H', shellQuote(`${headerCase(name)}: ${value}`));
    }
  }
  if (req.body !== undefined) parts.push('--data-binary', withVariables(req.body, req.variables));
  for (const [name, value] of Object.entries(req.form ?? {}))
    parts.push('-F', shellQuote(`${name}=${value}`));
  return parts.join(' ');
}

/**
 * The body quoted for the shell, each secret value replaced by its variable
 * (outside the single quotes, in double quotes, so the shell substitutes it),
 * JSON-escaped on the way in.
 */
function withVariables(body: string, variables: Record<string, string> = {}): string {
  const secrets = Object.keys(variables).filter((v) => v !== '');
  if (secrets.length === 0) return shellQuote(body);
  const pieces: string[] = [];
  let rest = body;
  for (;;) {
    let at = -1;
    let found = '';
    for (const s of secrets) {
      // The value as it stands inside a JSON string.
      const encoded = JSON.stringify(s).slice(1, -1);
      const i = rest.indexOf(encoded);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        found = s;
      }
    }
    if (at < 0) break;
    const encoded = JSON.stringify(found).slice(1, -1);
    pieces.push(
      `'${rest.slice(0, at).replace(/'/g, `'\\''`)}'`,
      jsonEscaped(
        variables[found] ?? '',
        found.includes('\n') || MULTILINE.has(variables[found] ?? ''),
      ),
    );
    rest = rest.slice(at + encoded.length);
  }
  pieces.push(`'${rest.replace(/'/g, `'\\''`)}'`);
  return pieces.join('');
}

/**
 * Variables whose values often span lines (a credentials file, a PEM key),
 * whatever the dry run itself read: their line breaks become \n too.
 */
const MULTILINE = new Set(['ECE_KEYSTORE_VALUE', 'ECE_TLS_KEY']);

/**
 * The variable's value as it must stand inside a JSON string: a password with
 * a " or a \ would otherwise break the body. sed is everywhere curl is.
 */
function jsonEscaped(variable: string, multiline = false): string {
  if (!multiline) return `"$(printf %s "$${variable}" | sed 's/[\\\\"]/\\\\&/g')"`;
  // A value of several lines (a PEM key): its line breaks become \n as well.
  return `"$(printf %s "$${variable}" | awk '{gsub(/[\\\\"]/, "\\\\\\\\&"); printf "%s%s", (NR > 1 ? "\\\\n" : ""), $0}')"`;
}

/** POSIX single quotes; a quote inside becomes '\''. */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `user-agent` → `User-Agent`, as people read headers. */
function headerCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}
