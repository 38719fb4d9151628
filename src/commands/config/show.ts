// `ece config show [NAME]`: the settings of a profile.

import type { Command } from 'commander';
import { PROFILE_KEYS } from '../../config/store.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { act, type Contexts } from '../action.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description('Show the settings of a profile (the active one by default)')
    .argument('[name]', 'profile name')
    .addHelpText('after', '\nExamples:\n  $ ece config show\n  $ ece config show lab --json')
    .action(act(contexts, (ctx, name: string | undefined) => show(name, ctx)));
}

export async function show(name: string | undefined, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const config = ctx.config();
  const target = name ?? ctx.profile().name;
  const profile = config.profiles?.[target];
  if (name !== undefined && profile === undefined) {
    const known = Object.keys(config.profiles ?? {});
    throw new UsageError(
      `profile "${name}" does not exist${known.length ? ` (profiles: ${known.join(', ')})` : ''}`,
    );
  }
  const p = profile ?? {};
  if (renderer.format === 'json' || renderer.format === 'yaml') {
    await renderer.value({ name: target, ...p });
    return;
  }
  const rows = [...PROFILE_KEYS, 'credential' as const].map((k) => [
    k,
    p[k] === undefined ? '-' : String(p[k]),
  ]);
  renderer.grid({ headers: ['KEY', 'VALUE'], rows });
}
