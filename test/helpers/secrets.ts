// The secret-leak audit every CLI run in the tests goes through: secrets the
// run was given (API keys, tokens, passwords) or that a test registered must
// never appear on stderr or in the config directory, and on stdout only where
// the test says the user asked for exactly that. A secret counts where it
// stands as a value (a field, a header, a token), not where its letters are
// part of a longer name (`client` in `s3.client.default.password`); and the
// mask never stands inside a name, which would give the secret away.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const known = new Set<string>();

/** Adds secrets every later run is checked for. Shorter than the product masks (6): not checked. */
export function registerSecret(...secrets: (string | undefined)[]): void {
  for (const s of secrets) {
    const v = s?.trim();
    if (v && v.length >= 6) known.add(v);
  }
}

/**
 * Takes back secrets a test registered only to test the audit itself
 * (common words such as `client`): the files after it in a batch
 * (scripts/test-batch.mjs) share this process and would be checked for them.
 */
export function forgetSecret(...secrets: string[]): void {
  for (const s of secrets) known.delete(s.trim());
}

/**
 * Whether `secret` stands in `text` as a value somewhere: not glued to a
 * word character, or to a word through a . or - (the escape letter of \n or
 * %2F does not count as a word). Written apart from the product's rule
 * (src/mask.ts) so that the audit is not the product checking itself.
 */
export function standsAsValue(text: string, secret: string): boolean {
  const word = /^[A-Za-z0-9_]$/;
  for (let i = text.indexOf(secret); i >= 0; i = text.indexOf(secret, i + 1)) {
    const before = text.slice(Math.max(0, i - 6), i);
    const after = text.slice(i + secret.length, i + secret.length + 2);
    const nameBefore =
      word.test(secret[0] ?? '') &&
      (/[A-Za-z0-9_]$/.test(before) || /[A-Za-z0-9_][.-]$/.test(before)) &&
      !/(\\[nrtbf]|\\u[0-9A-Fa-f]{4}|%[0-9A-Fa-f]{2})$/.test(before);
    const nameAfter =
      word.test(secret.at(-1) ?? '') &&
      (/^[A-Za-z0-9_]/.test(after) || /^[.-][A-Za-z0-9_]/.test(after));
    if (!nameBefore && !nameAfter) return true;
  }
  return false;
}

/** A mask glued to a name (`s3.********.default`): the name gave the secret away. */
const MASK_IN_NAME = /(?<![\\%]|%[0-9A-Fa-f])[A-Za-z0-9_][.-]?\*{8}|\*{8}[.-]?[A-Za-z0-9_]/;

/** Secrets a run is handed through its argv, env and stdin. */
export function secretsOfRun(
  argv: string[],
  env: Record<string, string | undefined>,
  stdin?: string,
): void {
  registerSecret(env.ECE_API_KEY, env.ECE_TOKEN);
  argv.forEach((a, i) => {
    if (a === '--api-key' || a === '--token' || a === '--password') registerSecret(argv[i + 1]);
    const eq = /^--(api-key|token|password)=(.+)$/.exec(a);
    if (eq) registerSecret(eq[2]);
  });
  if (stdin !== undefined && argv.some((a) => a === '--password-stdin' || a === '--api-key-stdin'))
    registerSecret(stdin);
  // A private key given as a file (`tls set --key`): every line of it is a secret.
  const keyFile = argv[argv.indexOf('--key') + 1];
  if (argv.includes('--key') && keyFile) {
    let text = '';
    try {
      text = readFileSync(keyFile, 'utf8');
    } catch {
      // A missing file is the run's own error to report.
    }
    if (/PRIVATE KEY-----/.test(text))
      registerSecret(...text.split('\n').filter((l) => !l.startsWith('-----')));
  }
}

export interface Audit {
  stdout: string;
  stderr: string;
  configDir?: string | undefined;
  /** The compile cache (ECE_CACHE_DIR): compiled code only, never a run's data. */
  cacheDir?: string | undefined;
  /** The user asked for a secret on stdout (`auth token`, `auth keys create`). */
  secretOnStdout?: boolean;
  /** The run was told to keep secrets in credentials.json (--insecure-storage). */
  fileStorage?: boolean;
}

/** A profile of this config dir keeps its secret in credentials.json, as its user asked. */
function usesFileStorage(dir: string | undefined): boolean {
  if (!dir) return false;
  try {
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
      profiles?: Record<string, { credential?: string }>;
    };
    return Object.values(config.profiles ?? {}).some((p) => p.credential === 'file');
  } catch {
    return false;
  }
}

/**
 * Secrets the run learnt and stored with --insecure-storage (tokens received
 * at login, keys saved): from then on they are audited like the ones given.
 */
function learntSecrets(dir: string | undefined): void {
  if (!dir) return;
  try {
    const all = JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8')) as Record<
      string,
      string
    >;
    for (const record of Object.values(all)) {
      const { secret } = JSON.parse(record) as { secret?: string };
      registerSecret(secret);
    }
  } catch {
    // none stored, or not ours to judge here
  }
}

export function audit(label: string, a: Audit): void {
  const leaks: string[] = [];
  learntSecrets(a.configDir);
  const fileStorage = a.fileStorage === true || usesFileStorage(a.configDir);
  for (const secret of known) {
    if (standsAsValue(a.stderr, secret)) leaks.push(`stderr has ${mask(secret)}`);
    if (!a.secretOnStdout && standsAsValue(a.stdout, secret))
      leaks.push(`stdout has ${mask(secret)}`);
    for (const [file, text] of files(a.configDir)) {
      // credentials.json and the temporary file of a write of it in flight (0600, O_EXCL).
      if (fileStorage && /(^|\/)(credentials\.json|\.credentials\.json\.[\w-]+\.tmp)$/.test(file))
        continue;
      if (standsAsValue(text, secret)) leaks.push(`${file} has ${mask(secret)}`);
    }
    for (const [file, text] of cacheFiles(a.cacheDir))
      if (standsAsValue(text, secret)) leaks.push(`${file} has ${mask(secret)}`);
  }
  for (const [name, text] of [
    ['stdout', a.stdout],
    ['stderr', a.stderr],
  ] as const) {
    const glued = MASK_IN_NAME.exec(text);
    if (glued)
      leaks.push(
        `${name} masks a secret inside a name (…${text.slice(Math.max(0, glued.index - 12), glued.index + 20)}…)`,
      );
  }
  if (leaks.length) throw new Error(`secret leak in \`${label}\`: ${leaks.join('; ')}`);
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(a.stderr) || /^\w*Error: /m.test(a.stderr)) {
    throw new Error(`a stack trace reached stderr in \`${label}\`:\n${a.stderr}`);
  }
}

function files(dir: string | undefined): [string, string][] {
  if (!dir) return [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    try {
      return statSync(p).isFile() ? [[p, readFileSync(p, 'utf8')] as [string, string]] : [];
    } catch {
      return [];
    }
  });
}

/** The files in each directory of a compile cache. */
function cacheFiles(dir: string | undefined): [string, string][] {
  if (!dir) return [];
  try {
    // Node's compile cache keeps a directory per Node version (v24.11.1-x64-…).
    return readdirSync(dir).flatMap((d) => files(join(dir, d)));
  } catch {
    return [];
  }
}

function mask(s: string): string {
  return `${s.slice(0, 3)}…(${s.length} chars)`;
}
