// `ece logout`: ends a bearer session on ECE (best effort) and removes the
// stored secret and the profile's marker. The host stays in the profile.

import { logoutRequest } from '../../api/auth.js';
import type { ApiClient } from '../../api/client.js';
import { parseHost } from '../../api/host.js';
import type { StoredCredential } from '../../auth/credentials.js';
import type { ProfileCredentials } from '../../auth/store.js';
import { openConfig, targetProfile } from '../../config/write.js';
import type { Context } from '../../context.js';
import { CliError } from '../../errors.js';
import { verbCommand } from '../run/command.js';
import { defineVerb } from '../run/types.js';

interface Target {
  name: string;
  kind: NonNullable<NonNullable<Profile>['credential']>;
  profile: NonNullable<Profile>;
  stored: StoredCredential | undefined;
}
type Profile = NonNullable<
  ReturnType<Awaited<ReturnType<typeof openConfig>>['data']>['profiles']
>[string];

export const verb = defineVerb<{ all?: boolean }>({
  // It changes this machine's state (the keychain, the profile) and ends a
  // session that a new login starts again.
  effect: 'write',
  options: [{ flags: '--all', description: 'sign out of every profile' }],
  examples: ['ece logout', 'ece logout --profile lab', 'ece logout --all'],
  async plan(flags, ctx) {
    const config = await openConfig(ctx.configDir());
    const data = config.data();
    const names = flags.all
      ? Object.keys(data.profiles ?? {})
      : [targetProfile(data, ctx.flags.profile || ctx.env.ECE_PROFILE || undefined)];
    const credentials = ctx.store as ProfileCredentials;
    const targets: Target[] = [];
    for (const name of names) {
      const profile = data.profiles?.[name];
      const kind = profile?.credential;
      if (!profile || !kind) {
        if (!flags.all) ctx.io.stderr.write(`Not signed in (profile "${name}").\n`);
        continue;
      }
      let stored: StoredCredential | undefined;
      try {
        stored = await credentials.get(name);
      } catch (err) {
        ctx.io.stderr.write(
          `warning: cannot read the stored credential of "${name}": ${(err as Error).message}\n`,
        );
      }
      targets.push({ name, kind, profile, stored });
    }
    const notes = (signedOut: number, failures: number) => [
      ...(flags.all && signedOut === 0 && failures === 0 ? ['No profile was signed in.'] : []),
      ...['ECE_API_KEY', 'ECE_TOKEN']
        .filter((v) => ctx.env[v])
        .map((v) => `note: ${v} is still set and is used by every command`),
    ];
    const curl: string[] = [];
    if (ctx.flags.dryRun) {
      for (const t of targets) {
        const api = await sessionClient(ctx, t).catch(() => undefined);
        if (api) curl.push(api.curl(logoutRequest()));
      }
    }
    return {
      local: {
        curl,
        dryRun: [
          ...targets.map((t) => `dry run: the stored credential of "${t.name}" was not removed`),
          ...notes(0, 0),
        ].join('\n'),
        apply: async () => {
          let failures = 0;
          let signedOut = 0;
          for (const t of targets) {
            if (await signOut(ctx, config, credentials, t)) signedOut++;
            else failures++;
          }
          for (const line of notes(signedOut, failures)) ctx.io.stderr.write(`${line}\n`);
          if (failures > 0)
            throw new CliError(
              `${failures} profile${failures === 1 ? '' : 's'} could not be signed out`,
            );
        },
      },
    };
  },
});

export const { register } = verbCommand(verb);

/** A client for the profile's bearer session (undefined for an API key: nothing to end). */
async function sessionClient(ctx: Context, t: Target): Promise<ApiClient | undefined> {
  const { stored, profile, kind } = t;
  if (stored?.type !== 'bearer') return undefined;
  return ctx.client({
    endpoint: parseHost(stored.origin),
    credential: { type: 'bearer', secret: stored.secret, source: kind, origin: stored.origin },
    caCert: profile['ca-cert'],
    insecure: profile.insecure === true || ctx.insecure(),
  });
}

/** Ends the session (best effort) and removes the stored secret and marker; false when it could not. */
async function signOut(
  ctx: Context,
  config: Awaited<ReturnType<typeof openConfig>>,
  credentials: ProfileCredentials,
  t: Target,
): Promise<boolean> {
  const { name, kind, stored, profile } = t;
  try {
    const api = await sessionClient(ctx, t);
    if (api) await api.request(logoutRequest());
  } catch (err) {
    // The local secret goes anyway: a session that cannot be ended is left to expire.
    ctx.io.stderr.write(
      `warning: could not end the session on ${stored?.origin} (${(err as Error).message}); it expires on its own${stored?.expiresAt ? ` at ${stored.expiresAt}` : ''}\n`,
    );
  }
  try {
    await credentials.remove(kind, name);
  } catch (err) {
    ctx.io.stderr.write(
      `error: cannot remove the stored credential of "${name}": ${(err as Error).message}\n`,
    );
    return false;
  }
  config.update((d) => {
    const p = d.profiles?.[name];
    if (p) delete p.credential;
  });
  ctx.io.stderr.write(
    `Signed out of ${stored?.origin ?? profile.host ?? 'ECE'} (profile "${name}").\n`,
  );
  return true;
}
