// `ece config set|unset|use|delete`: changes to profiles, written atomically.

import type { Command } from 'commander';
import type { ProfileCredentials } from '../../auth/store.js';
import { checkKey, parseValue } from '../../config/keys.js';
import { PROFILE_KEYS } from '../../config/store.js';
import { checkProfileName, openConfig, profileOf, targetProfile } from '../../config/write.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { act, type Contexts } from '../action.js';

const KEYS_HELP = `
Settings: ${PROFILE_KEYS.join(', ')}.
  host      ECE host: name, name:port or URL
  ca-cert   PEM file of the CA that signed ECE's certificate
  insecure  true to skip TLS verification (not recommended)
  output    table, tsv, json or yaml
  timeout   per-request timeout, e.g. 30s or 2m`;

export function register(group: Command, contexts: Contexts): void {
  group
    .command('set')
    .description('Set a setting of the active profile (or --profile NAME, created if new)')
    .argument('<key>', 'setting name')
    .argument('<value>', 'new value')
    .addHelpText(
      'after',
      `${KEYS_HELP}\n\nExamples:\n  $ ece config set host ece.example.com\n  $ ece config set --profile lab ca-cert ./lab-ca.pem`,
    )
    .action(act(contexts, (ctx, key: string, value: string) => set(key, value, ctx)));
  group
    .command('unset')
    .description('Remove a setting from the active profile')
    .argument('<key>', 'setting name')
    .addHelpText('after', `${KEYS_HELP}\n\nExamples:\n  $ ece config unset insecure`)
    .action(act(contexts, (ctx, key: string) => unset(key, ctx)));
  group
    .command('use')
    .description('Make a profile the active one')
    .argument('<name>', 'profile name')
    .addHelpText('after', '\nExamples:\n  $ ece config use lab')
    .action(act(contexts, (ctx, name: string) => use(name, ctx)));
  group
    .command('delete')
    .alias('rm')
    .description('Delete a profile and its stored credential')
    .argument('<name>', 'profile name')
    .addHelpText('after', '\nExamples:\n  $ ece config delete old-lab')
    .action(act(contexts, (ctx, name: string) => remove(name, ctx)));
}

const explicitProfile = (ctx: Context) => ctx.flags.profile || ctx.env.ECE_PROFILE || undefined;

export async function set(key: string, value: string, ctx: Context): Promise<void> {
  const k = checkKey(key);
  const v = parseValue(k, value);
  const config = await openConfig(ctx.configDir());
  const name = targetProfile(config.data(), explicitProfile(ctx));
  config.update((d) => {
    (profileOf(d, name) as Record<string, unknown>)[k] = v;
    d.current_profile ??= name;
  });
  ctx.io.stderr.write(`Set ${k} of profile "${name}".\n`);
}

export async function unset(key: string, ctx: Context): Promise<void> {
  const k = checkKey(key);
  const config = await openConfig(ctx.configDir());
  const name = targetProfile(config.data(), explicitProfile(ctx));
  config.update((d) => {
    const p = d.profiles?.[name];
    if (p) delete p[k];
  });
  ctx.io.stderr.write(`Unset ${k} of profile "${name}".\n`);
}

export async function use(name: string, ctx: Context): Promise<void> {
  checkProfileName(name);
  const config = await openConfig(ctx.configDir());
  const known = Object.keys(config.data().profiles ?? {});
  if (!known.includes(name)) {
    throw new UsageError(
      `profile "${name}" does not exist${known.length ? ` (profiles: ${known.join(', ')})` : ''}`,
    );
  }
  config.update((d) => {
    d.current_profile = name;
  });
  ctx.io.stderr.write(`Active profile: ${name}.\n`);
}

export async function remove(name: string, ctx: Context): Promise<void> {
  checkProfileName(name);
  const config = await openConfig(ctx.configDir());
  const profile = config.data().profiles?.[name];
  if (!profile) throw new UsageError(`profile "${name}" does not exist`);
  if (profile.credential) {
    await (ctx.store as ProfileCredentials).remove(profile.credential, name);
  }
  config.update((d) => {
    delete d.profiles?.[name];
    if (d.current_profile === name) delete d.current_profile;
  });
  ctx.io.stderr.write(
    `Deleted profile "${name}"${profile.credential ? ' and its stored credential' : ''}.\n`,
  );
}
