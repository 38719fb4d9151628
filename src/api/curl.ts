// `--dry-run`: the request as a curl command line that a user can run. Every
// secret (the credential, secret values of the body) stays a shell variable
// and reaches curl through one config on its stdin (`printf … | curl -K -`),
// never through its argv, where `ps` shows it to every local user: printf is
// a shell builtin, and the escaping filters read the value on their stdin.
// Nothing in the line is read as curl syntax: globbing is off (-g), a body
// goes as --data-raw (a leading @ is not a file name), an upload's file name
// is quoted inside -F.

import { wholeIndex } from '../mask.js';
import { isSecretHeader } from './redact.js';

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** multipart/form-data: the field and the path of the file it sends. */
  file?: { field: string; path: string } | undefined;
  /** Secret values in the body → the shell variables shown in their place. */
  variables?: Record<string, string> | undefined;
  caCert?: string | undefined;
  insecure?: boolean;
}

export function toCurl(req: CurlRequest): string {
  // The config curl reads from stdin: printf's format and its arguments.
  const format: string[] = [];
  const values: string[] = [];
  const args = ['-X', req.method, shellQuote(req.url)];
  if (req.caCert) args.push('--cacert', shellQuote(req.caCert));
  if (req.insecure) args.push('-k');
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.toLowerCase() === 'authorization') {
      const bearer = value.startsWith('Bearer');
      format.push(`header = "Authorization: ${bearer ? 'Bearer' : 'ApiKey'} %s"`);
      // A key or token is base64 or a JWT: nothing in it needs escaping in the config.
      values.push(bearer ? '"$ECE_TOKEN"' : '"$ECE_API_KEY"');
    } else if (isSecretHeader(name)) {
      // A cookie or key header given with `ece api -H`: in the config too, out of curl's argv.
      format.push('header = "%s"');
      values.push(singleQuote(configEscape(`${headerCase(name)}: ${value}`)));
    } else {
      args.push('-H', shellQuote(`${headerCase(name)}: ${value}`));
    }
  }
  if (req.body !== undefined) {
    const secret = withVariables(req.body, req.variables);
    if (secret === undefined) args.push('--data-raw', shellQuote(req.body));
    else {
      format.push('data-raw = "%s"');
      values.push(secret);
    }
  }
  if (req.file) args.push('-F', shellQuote(`${req.file.field}=@${formQuote(req.file.path)}`));
  const curl = ['curl', '-sS', '-g', ...(format.length > 0 ? ['-K', '-'] : []), ...args].join(' ');
  if (format.length === 0) return curl;
  return `printf '${format.map((f) => `${f}\\n`).join('')}' ${values.join(' ')} | ${curl}`;
}

/**
 * The body as one shell word holding the value of a quoted string of curl's
 * config (\ and " escaped), each secret value replaced by its variable, which
 * the shell substitutes through a filter that escapes it on the way in (for
 * JSON first when the body is JSON, then for the config). Undefined when no
 * secret is in the body.
 */
function withVariables(body: string, variables: Record<string, string> = {}): string | undefined {
  const secrets = Object.keys(variables).filter((v) => v !== '');
  if (secrets.length === 0) return undefined;
  const json = isJson(body);
  // The value as it stands in the body: inside a JSON string, or as it is.
  const inBody = (s: string) => (json ? JSON.stringify(s).slice(1, -1) : s);
  const pieces: string[] = [];
  let rest = body;
  let replaced = false;
  for (;;) {
    let at = -1;
    let found = '';
    for (const s of secrets) {
      const i = wholeIndex(rest, inBody(s));
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        found = s;
      }
    }
    if (at < 0) break;
    replaced = true;
    pieces.push(
      singleQuote(configEscape(rest.slice(0, at))),
      escaped(variables[found] ?? '', json),
    );
    rest = rest.slice(at + inBody(found).length);
  }
  if (!replaced) return undefined;
  pieces.push(singleQuote(configEscape(rest)));
  return pieces.filter((p) => p !== "''").join('');
}

function isJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/**
 * The variable's value escaped on the way in, by awk reading it on stdin: \
 * and " escaped (twice for JSON: once for the JSON string, once for the
 * config), line breaks as \n (so a PEM key or a credentials file keeps them).
 */
function escaped(variable: string, json: boolean): string {
  const gsub = 'gsub(/[\\\\"]/, "\\\\\\\\&"); ';
  const newline = json ? '\\\\\\\\n' : '\\\\n';
  return `"$(printf %s "$${variable}" | awk '{${gsub}${json ? gsub : ''}printf "%s%s", (NR > 1 ? "${newline}" : ""), $0}')"`;
}

/** Text inside a double-quoted string of curl's config. */
function configEscape(s: string): string {
  return s.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A file name inside `-F name=@"…"`: a comma or `;type=` cannot split the field. */
function formQuote(path: string): string {
  return `"${path.replace(/[\\"]/g, '\\$&')}"`;
}

function singleQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** POSIX single quotes; a quote inside becomes '\''. */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return singleQuote(s);
}

/** `user-agent` → `User-Agent`, as people read headers. */
function headerCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}
