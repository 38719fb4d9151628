// `ece config unset KEY`: remove a setting from the active profile.

import type { Command } from 'commander';
import { openConfig, targetProfile } from '../../config/write.js';
import type { Context } from '../../context.js';
import { act, type Contexts } from '../action.js';
import { checkKey } from '../profile-keys.js';
import { explicitProfile, KEYS_HELP, localOnly } from './local.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('unset')
    .description('Remove a setting from the active profile')
    .argument('<key>', 'setting name')
    .addHelpText('after', `${KEYS_HELP}\n\nExamples:\n  $ ece config unset insecure`)
    .action(act(contexts, (ctx, key: string) => unset(key, ctx)));
}

export async function unset(key: string, ctx: Context): Promise<void> {
  const k = checkKey(key);
  if (localOnly(ctx, 'unset')) return;
  const config = await openConfig(ctx.configDir());
  const name = targetProfile(config.data(), explicitProfile(ctx));
  config.update((d) => {
    const p = d.profiles?.[name];
    if (p) delete p[k];
  });
  ctx.io.stderr.write(`Unset ${k} of profile "${name}".\n`);
}
