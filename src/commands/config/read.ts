// `ece config list` and `ece config show`: profiles and their settings.

import type { Command } from 'commander';
import { PROFILE_KEYS } from '../../config/store.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { act, type Contexts } from '../action.js';

export function registerList(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List profiles; * marks the active one')
    .addHelpText('after', '\nExamples:\n  $ ece config list\n  $ ece config list --json')
    .action(act(contexts, (ctx) => list(ctx)));
}

export function registerShow(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description('Show the settings of a profile (the active one by default)')
    .argument('[name]', 'profile name')
    .addHelpText('after', '\nExamples:\n  $ ece config show\n  $ ece config show lab --json')
    .action(act(contexts, (ctx, name: string | undefined) => show(name, ctx)));
}

export async function list(ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const config = ctx.config();
  const active = ctx.profile().name;
  const names = [...new Set([...Object.keys(config.profiles ?? {}), active])].sort();
  const rows = names.map((name) => {
    const p = config.profiles?.[name] ?? {};
    return { name, active: name === active, host: p.host ?? null, signed_in: p.credential ?? null };
  });
  if (renderer.format === 'json' || renderer.format === 'yaml') {
    await renderer.value(rows);
    return;
  }
  renderer.grid({
    headers: ['', 'NAME', 'HOST', 'CREDENTIAL'],
    rows: rows.map((r) => [r.active ? '*' : '', r.name, r.host ?? '-', r.signed_in ?? '-']),
  });
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
