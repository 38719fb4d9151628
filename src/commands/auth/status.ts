// `ece auth status`: which host, which credential from where, until when,
// as whom, and whether ECE accepts it. Exit 4 when it does not.

import { currentUser } from '../../api/auth.js';
import { type Endpoint, parseHost } from '../../api/host.js';
import { type Credential, checkOrigin } from '../../auth/credentials.js';
import { expiryOf } from '../../auth/session.js';
import type { Context } from '../../context.js';
import { formatDuration } from '../../duration.js';
import { AuthError, CliError } from '../../errors.js';
import { stringifyLossless } from '../../lossless.js';
import { installationVersion } from '../platform-version.js';
import { defineVerb } from '../run/types.js';

export interface Status {
  profile: string;
  active: boolean;
  host: string | null;
  method: 'apikey' | 'bearer' | null;
  source: string | null;
  expires_at: string | null;
  user: string | null;
  authenticated: boolean;
  /** The installation's ECE version (GET /platform, remembered for a day); absent when unknown. */
  version?: string;
  error?: string;
}

export const verb = defineVerb<{ all?: boolean }>({
  effect: 'read',
  options: [{ flags: '--all', description: 'show every profile' }],
  description: 'Exit status 4 when a credential is missing or ECE rejects it.',
  examples: ['ece auth status', 'ece auth status --all --json'],
  async plan(flags, ctx) {
    await ctx.format();
    const active = ctx.profile().name;
    const names = flags.all
      ? [...new Set([active, ...Object.keys(ctx.config().profiles ?? {})])]
      : [active];
    const results: Status[] = [];
    for (const name of names) results.push(await statusOf(ctx, name, name === active));
    const bad = results.filter((r) => !r.authenticated);
    let outcome: AuthError | undefined;
    if (bad.length > 0) {
      outcome = new AuthError(bad.map((r) => `profile "${r.profile}": ${r.error}`).join('; '));
      // The report already says it all; exit 4 without repeating it.
      outcome.silent = true;
    }
    return {
      // JSON and YAML: the report as data (one profile, or all with --all); else lines.
      output: {
        body: `${stringifyLossless(flags.all ? results : results[0], 2)}\n`,
        print: (_renderer, io) => {
          io.stdout.write(results.map((r) => text(r)).join('\n'));
        },
      },
      ...(outcome ? { outcome } : {}),
    };
  },
});

async function statusOf(ctx: Context, name: string, isActive: boolean): Promise<Status> {
  const status: Status = {
    profile: name,
    active: isActive,
    host: null,
    method: null,
    source: null,
    expires_at: null,
    user: null,
    authenticated: false,
  };
  const profile = ctx.config().profiles?.[name] ?? {};
  let endpoint: Endpoint | undefined;
  let credential: Credential | undefined;
  try {
    endpoint = isActive ? ctx.endpoint() : profile.host ? parseHost(profile.host) : undefined;
    status.host = endpoint?.root ?? null;
    if (isActive) credential = await ctx.credential();
    else {
      const stored = await ctx.store.get(name);
      if (stored) {
        credential = { ...stored, source: ctx.store.where?.(name) ?? 'keychain' };
      }
    }
  } catch (err) {
    status.error = err instanceof CliError ? err.message : String(err);
    return status;
  }
  if (credential) {
    status.method = credential.type;
    status.source = credential.source;
    const expires = credential.type === 'bearer' ? expiryOf(credential) : undefined;
    status.expires_at = expires === undefined ? null : new Date(expires).toISOString();
  }
  if (!endpoint) {
    status.error = 'no host: pass --host, set ECE_HOST, or sign in with `ece login --host HOST`';
    return status;
  }
  if (!credential) {
    status.error = 'not signed in: run `ece login`, or set ECE_API_KEY or ECE_TOKEN';
    return status;
  }
  try {
    checkOrigin(credential, endpoint.origin, name);
    const api = await ctx.client({
      endpoint,
      credential,
      profile: name,
      ...(isActive ? {} : { caCert: profile['ca-cert'], insecure: profile.insecure === true }),
    });
    const user = await currentUser(api);
    const now = await api.currentCredential();
    if (now && now.type === 'bearer') {
      const expires = expiryOf(now);
      status.expires_at = expires === undefined ? null : new Date(expires).toISOString();
    }
    status.user = user.user_name;
    status.authenticated = true;
    const version = await installationVersion(ctx, api, name);
    if (version) status.version = version;
  } catch (err) {
    status.error = err instanceof CliError ? err.lines().join('; ') : String(err);
  }
  return status;
}

function text(s: Status): string {
  const method = s.method === 'apikey' ? 'API key' : s.method === 'bearer' ? 'bearer session' : '-';
  const lines = [
    ['Profile', `${s.profile}${s.active ? ' (active)' : ''}`],
    ['Host', s.host ?? '-'],
    ['Method', s.source ? `${method} (from ${describeSource(s.source)})` : method],
  ];
  if (s.expires_at)
    lines.push(['Expires', `${s.expires_at} (${relative(Date.parse(s.expires_at))})`]);
  lines.push(['User', s.user ?? '-']);
  if (s.version) lines.push(['ECE', s.version]);
  // The missing-credential reason already starts with "not signed in" (and --json keeps it so).
  const reason = s.error?.startsWith('not signed in') ? s.error : `not signed in: ${s.error}`;
  lines.push(['Status', s.authenticated ? 'signed in' : reason]);
  return `${lines.map(([k, v]) => `${`${k}:`.padEnd(10)}${v}`).join('\n')}\n`;
}

function describeSource(source: string): string {
  if (source.startsWith('/') || /^[A-Za-z]:\\/.test(source))
    return `${source}, a file, not the OS keychain`;
  if (source === 'keychain') return 'the OS keychain';
  return source;
}

function relative(t: number): string {
  const d = t - Date.now();
  return d >= 0
    ? `in ${formatDuration(Math.round(d / 1000) * 1000)}`
    : `expired ${formatDuration(Math.round(-d / 1000) * 1000)} ago`;
}
