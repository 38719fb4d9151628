// `--dry-run`: the request as a curl command line that a user can run, with
// the credential left as the environment variable it should come from.

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
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
  if (req.body !== undefined) parts.push('--data-binary', shellQuote(req.body));
  return parts.join(' ');
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
