// `ece allocators maintenance <id> on|off`: a planned write (--dry-run shows it).

import type { Command } from 'commander';
import { maintenanceRequest } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('maintenance')
    .description('Turn maintenance mode on or off (no new instances are placed there)')
    .argument('<id>', 'allocator id')
    .argument('<on|off>', 'on or off')
    .addHelpText(
      'after',
      `
Turning it on twice is the same as once. The confirmation goes to stderr.

Examples:
  $ ece allocators maintenance 192.168.44.10 on
  $ ece allocators maintenance 192.168.44.10 off --dry-run`,
    )
    .action(act(contexts, (ctx, id: string, state: string) => run(id, parseState(state), ctx)));
}

export function parseState(state: string): boolean {
  if (state !== 'on' && state !== 'off')
    throw new UsageError(`invalid state "${state}": use on or off`);
  return state === 'on';
}

export async function run(id: string, on: boolean, ctx: Context): Promise<void> {
  const api = await ctx.api();
  const write = maintenanceRequest(id, on);
  if (showDryRun(ctx, api, write)) return;
  await api.request(write);
  ctx.io.stderr.write(`Maintenance mode ${on ? 'on' : 'off'} for allocator ${id}.\n`);
}
