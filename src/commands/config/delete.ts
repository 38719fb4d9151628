// `ece config delete NAME`: a profile and its stored credential.

import type { Command } from 'commander';
import type { ProfileCredentials } from '../../auth/store.js';
import { checkProfileName, openConfig } from '../../config/write.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { act, type Contexts } from '../action.js';
import { localOnly } from './local.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .alias('rm')
    .description('Delete a profile and its stored credential')
    .argument('<name>', 'profile name')
    .addHelpText('after', '\nExamples:\n  $ ece config delete old-lab')
    .action(act(contexts, (ctx, name: string) => remove(name, ctx)));
}

export async function remove(name: string, ctx: Context): Promise<void> {
  checkProfileName(name);
  const config = await openConfig(ctx.configDir());
  const profile = config.data().profiles?.[name];
  if (!profile) throw new UsageError(`profile "${name}" does not exist`);
  if (localOnly(ctx, 'delete')) return;
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
