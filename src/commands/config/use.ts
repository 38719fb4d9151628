// `ece config use NAME`: make a profile the active one.

import type { Command } from 'commander';
import { checkProfileName, openConfig } from '../../config/write.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { act, type Contexts } from '../action.js';
import { localOnly } from './local.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('use')
    .description('Make a profile the active one')
    .argument('<name>', 'profile name')
    .addHelpText('after', '\nExamples:\n  $ ece config use lab')
    .action(act(contexts, (ctx, name: string) => use(name, ctx)));
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
  if (localOnly(ctx, 'use')) return;
  config.update((d) => {
    d.current_profile = name;
  });
  ctx.io.stderr.write(`Active profile: ${name}.\n`);
}
