// `ece config list`: the profiles; * marks the active one.

import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { act, type Contexts } from '../action.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List profiles; * marks the active one')
    .addHelpText('after', '\nExamples:\n  $ ece config list\n  $ ece config list --json')
    .action(act(contexts, (ctx) => list(ctx)));
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
