// `ece login`: verifies a username/password (bearer session) or an API key
// against ECE, stores the secret in the OS keychain (or, only when asked, a
// 0600 file) and the host in the profile — never the other way round.

import { currentUser, login, loginRequest } from '../../api/auth.js';
import { parseHost } from '../../api/host.js';
import type { Credential, StoredCredential } from '../../auth/credentials.js';
import { jwtExpiry } from '../../auth/session.js';
import type { ProfileCredentials, StoreKind } from '../../auth/store.js';
import { openConfig, profileOf, targetProfile } from '../../config/write.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readStdin, UNREAD_PASSWORD } from '../../input.js';
import { ask, canPrompt } from '../../output/prompt.js';
import { checkKey, parseValue } from '../profile-keys.js';
import { verbCommand } from '../run/command.js';
import { defineVerb, type Plan } from '../run/types.js';

export interface LoginFlags {
  username?: string;
  passwordStdin?: boolean;
  apiKeyStdin?: boolean;
  withApiKey?: boolean;
  insecureStorage?: boolean;
}

export const verb = defineVerb<LoginFlags>({
  // It changes this machine's state (the keychain, the profile) and starts a
  // session; logout undoes it.
  effect: 'write',
  options: [
    {
      flags: '-u, --username <name>',
      description: 'user to sign in as (prompted for on a terminal)',
    },
    { flags: '--password-stdin', description: 'read the password from standard input' },
    { flags: '--api-key-stdin', description: 'sign in with an API key read from standard input' },
    { flags: '--with-api-key', description: 'sign in with an API key typed at a hidden prompt' },
    {
      flags: '--insecure-storage',
      description: 'keep the secret in a 0600 file instead of the OS keychain',
    },
  ],
  description: `A username and password start a bearer session that ece renews while it is
used; an API key is stored as it is. Either is checked against ECE before it
is saved. The secret goes to the OS keychain, the host to the profile.`,
  examples: [
    'ece login --host ece.example.com',
    'ece login --host ece.example.com --ca-cert ece-ca.pem --with-api-key',
    'printf %s "$ECE_PASSWORD" | ece login --username admin --password-stdin',
    'ece login --profile lab --host https://ece-lab:12443 --api-key-stdin < key.txt',
  ],
  plan: (flags, ctx) => planLogin(flags, ctx),
});

export const { register } = verbCommand(verb);

/**
 * The checks, the prompts and the reads; the sign-in itself (the _login of a
 * password, then saving the secret) is the plan's local step, so that a dry
 * run shows the _login as a curl line (the password as "$ECE_PASSWORD") and
 * saves nothing.
 */
async function planLogin(flags: LoginFlags, given: Context): Promise<Plan> {
  // login may name a profile that does not exist yet: it creates it.
  const ctx = given.creatingProfiles();
  const { io } = ctx;
  if (ctx.flags.apiKey !== undefined || ctx.flags.token !== undefined) {
    throw new UsageError(
      'ece login does not take --api-key or --token (they show in ps and shell history); use --api-key-stdin or --with-api-key',
    );
  }
  if (flags.passwordStdin && flags.apiKeyStdin)
    throw new UsageError('--password-stdin and --api-key-stdin cannot be used together');
  if (flags.passwordStdin && !flags.username)
    throw new UsageError('--password-stdin needs --username');
  if ((flags.apiKeyStdin || flags.withApiKey) && flags.username) {
    throw new UsageError('--username is for a password sign-in, not an API key');
  }
  const interactive = !flags.passwordStdin && !flags.apiKeyStdin;
  const dryRun = ctx.flags.dryRun === true;
  // A dry run never prompts: it shows the _login request (the password as
  // "$ECE_PASSWORD"), or checks an API key (a read), and saves nothing.
  if (dryRun && flags.withApiKey)
    throw new UsageError('--dry-run does not prompt: give the API key with --api-key-stdin');
  if (dryRun && !flags.apiKeyStdin && !flags.username)
    throw new UsageError('--dry-run does not prompt: give --username');
  if (interactive && !dryRun && !canPrompt(io)) {
    throw new UsageError(
      'ece login needs a terminal to ask for credentials; without one use --username NAME --password-stdin or --api-key-stdin',
    );
  }
  const profile = ctx.flags.profile || ctx.env.ECE_PROFILE || undefined;
  // Checks the config file before anything is typed.
  const config = await openConfig(ctx.configDir());
  const name = targetProfile(config.data(), profile);
  const host = await hostFor(ctx, name);
  const endpoint = parseHost(host);

  for (const v of ['ECE_API_KEY', 'ECE_TOKEN']) {
    if (ctx.env[v])
      io.stderr.write(
        `note: ${v} is set and takes precedence over the credential saved by login\n`,
      );
  }

  const api = await ctx.client({ endpoint, credential: undefined });
  if (flags.apiKeyStdin || flags.withApiKey) {
    const key = (
      flags.apiKeyStdin
        ? await readStdin(io, 'the API key')
        : await ask(io, 'API key: ', { hidden: true })
    ).trim();
    if (!key) throw new UsageError('the API key is empty');
    api.addSecret(key);
    const credential: Credential = { type: 'apikey', secret: key, source: 'login' };
    const user = await currentUser(api, credential);
    const stored: StoredCredential = {
      type: 'apikey',
      secret: key,
      origin: endpoint.origin,
      user: user.user_name,
    };
    return {
      local: {
        apply: () => save(ctx, flags, { config, name, host, endpoint }, stored),
        dryRun: `dry run: the API key works (user ${user.user_name}); nothing was saved for profile "${name}"`,
      },
    };
  } else {
    const username = flags.username ?? (await ask(io, 'Username: '));
    if (!username.trim()) throw new UsageError('the username is empty');
    const password = flags.passwordStdin
      ? await readStdin(io, 'the password')
      : dryRun
        ? UNREAD_PASSWORD
        : await ask(io, 'Password: ', { hidden: true });
    api.addSecret(password);
    return {
      local: {
        curl: [api.curl(loginRequest(username.trim(), password))],
        dryRun: '',
        apply: async () => {
          const res = await login(api, username.trim(), password);
          const expires = res.session_expiration_time ?? isoOrUndefined(jwtExpiry(res.token));
          await save(
            ctx,
            flags,
            { config, name, host, endpoint },
            {
              type: 'bearer',
              secret: res.token,
              origin: endpoint.origin,
              expiresAt: expires,
              user: username.trim(),
            },
          );
        },
      },
    };
  }
}

/** Stores the secret, then the profile's host and marker, and says who is signed in. */
async function save(
  ctx: Context,
  flags: LoginFlags,
  where: {
    config: Awaited<ReturnType<typeof openConfig>>;
    name: string;
    host: string;
    endpoint: ReturnType<typeof parseHost>;
  },
  stored: StoredCredential,
): Promise<void> {
  const { config, name, host, endpoint } = where;
  const { io } = ctx;
  const kind: StoreKind = flags.insecureStorage ? 'file' : 'keychain';
  const credentials = ctx.store as ProfileCredentials;
  await credentials.saveTo(kind, name, stored);
  const previous = config.data().profiles?.[name]?.credential;
  config.update((data) => {
    const p = profileOf(data, name);
    p.host = host;
    if (ctx.flags.caCert)
      p['ca-cert'] = parseValue(checkKey('ca-cert'), ctx.flags.caCert) as string;
    if (ctx.flags.insecure) p.insecure = true;
    p.credential = kind;
    data.current_profile ??= name;
  });
  if (previous && previous !== kind) await credentials.remove(previous, name).catch(() => false);

  const how =
    stored.type === 'bearer'
      ? `a session${stored.expiresAt ? ` until ${stored.expiresAt}` : ''}, renewed as you use it`
      : 'an API key';
  io.stderr.write(
    `Signed in to ${endpoint.root} as ${stored.user ?? 'unknown user'} with ${how} (profile "${name}").\n`,
  );
  if (kind === 'file') {
    io.stderr.write(
      `warning: the credential is stored in ${credentials.store('file').where} (mode 0600), not in the OS keychain\n`,
    );
  }
}

/** --host, ECE_HOST, COORDINATOR_HOST, the profile's host, or a prompt. */
async function hostFor(ctx: Context, profile: string): Promise<string> {
  const given =
    ctx.flags.host ||
    ctx.env.ECE_HOST ||
    ctx.env.COORDINATOR_HOST ||
    ctx.config().profiles?.[profile]?.host;
  if (given) return given.trim();
  if (!canPrompt(ctx.io) || ctx.flags.dryRun) throw new UsageError('no ECE host: pass --host HOST');
  const typed = (await ask(ctx.io, 'ECE host (name, name:port or URL): ')).trim();
  if (!typed) throw new UsageError('no ECE host given');
  parseHost(typed);
  return typed;
}

function isoOrUndefined(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}
