// `ece config set KEY VALUE`: a setting of the active profile (or --profile NAME, created if new).

import type { Command } from 'commander';
import { openConfig, profileOf, targetProfile } from '../../config/write.js';
import type { Context } from '../../context.js';
import { act, type Contexts } from '../action.js';
import { checkKey, parseValue } from '../profile-keys.js';
import { explicitProfile, KEYS_HELP, localOnly } from './local.js';

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
}

export async function set(key: string, value: string, ctx: Context): Promise<void> {
  const k = checkKey(key);
  const v = parseValue(k, value);
  if (localOnly(ctx, 'set')) return;
  const config = await openConfig(ctx.configDir());
  const name = targetProfile(config.data(), explicitProfile(ctx));
  config.update((d) => {
    (profileOf(d, name) as Record<string, unknown>)[k] = v;
    d.current_profile ??= name;
  });
  ctx.io.stderr.write(`Set ${k} of profile "${name}".\n`);
}
