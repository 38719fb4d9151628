// `ece logout`: ends a bearer session on ECE (best effort) and removes the
// stored secret and the profile's marker. The host stays in the profile.

import type { Command } from 'commander';
import { logoutRequest } from '../../api/auth.js';
import { parseHost } from '../../api/host.js';
import type { ProfileCredentials } from '../../auth/store.js';
import { openConfig, targetProfile } from '../../config/write.js';
import type { Context } from '../../context.js';
import { CliError } from '../../errors.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';

export function register(cmd: Command, contexts: Contexts): void {
  cmd
    .option('--all', 'sign out of every profile')
    .addHelpText(
      'after',
      `
Examples:
  $ ece logout
  $ ece logout --profile lab
  $ ece logout --all`,
    )
    .action(act(contexts, (ctx, flags: { all?: boolean }) => run(flags, ctx)));
}

export async function run(flags: { all?: boolean }, ctx: Context): Promise<void> {
  const config = await openConfig(ctx.configDir());
  const data = config.data();
  const names = flags.all
    ? Object.keys(data.profiles ?? {})
    : [targetProfile(data, ctx.flags.profile || ctx.env.ECE_PROFILE || undefined)];
  const credentials = ctx.store as ProfileCredentials;
  let failures = 0;
  let signedOut = 0;
  for (const name of names) {
    const profile = data.profiles?.[name];
    const kind = profile?.credential;
    if (!kind) {
      if (!flags.all) ctx.io.stderr.write(`Not signed in (profile "${name}").\n`);
      continue;
    }
    let stored: Awaited<ReturnType<ProfileCredentials['get']>>;
    const dryRun = ctx.flags.dryRun === true;
    try {
      stored = await credentials.get(name);
    } catch (err) {
      ctx.io.stderr.write(
        `warning: cannot read the stored credential of "${name}": ${(err as Error).message}\n`,
      );
    }
    if (stored?.type === 'bearer') {
      try {
        const api = await ctx.client({
          endpoint: parseHost(stored.origin),
          credential: {
            type: 'bearer',
            secret: stored.secret,
            source: kind,
            origin: stored.origin,
          },
          caCert: profile['ca-cert'],
          insecure: profile.insecure === true || ctx.insecure(),
        });
        // A dry run shows the _logout (and, below, keeps the stored credential).
        if (!showDryRun(ctx, api, logoutRequest())) await api.request(logoutRequest());
      } catch (err) {
        // The local secret goes anyway: a session that cannot be ended is left to expire.
        ctx.io.stderr.write(
          `warning: could not end the session on ${stored.origin} (${(err as Error).message}); it expires on its own${stored.expiresAt ? ` at ${stored.expiresAt}` : ''}\n`,
        );
      }
    }
    if (dryRun) {
      ctx.io.stderr.write(`dry run: the stored credential of "${name}" was not removed\n`);
      continue;
    }
    try {
      await credentials.remove(kind, name);
    } catch (err) {
      failures++;
      ctx.io.stderr.write(
        `error: cannot remove the stored credential of "${name}": ${(err as Error).message}\n`,
      );
      continue;
    }
    config.update((d) => {
      const p = d.profiles?.[name];
      if (p) delete p.credential;
    });
    signedOut++;
    ctx.io.stderr.write(
      `Signed out of ${stored?.origin ?? profile.host ?? 'ECE'} (profile "${name}").\n`,
    );
  }
  if (flags.all && signedOut === 0 && failures === 0)
    ctx.io.stderr.write('No profile was signed in.\n');
  for (const v of ['ECE_API_KEY', 'ECE_TOKEN']) {
    if (ctx.env[v]) ctx.io.stderr.write(`note: ${v} is still set and is used by every command\n`);
  }
  if (failures > 0)
    throw new CliError(`${failures} profile${failures === 1 ? '' : 's'} could not be signed out`);
}
