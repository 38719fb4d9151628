// `ece allocators metadata set <allocator> <key> <value>`: adds or replaces one item.

import type { Command } from 'commander';
import { setMetadataItemRequest } from '../../../api/allocators.js';
import type { Context } from '../../../context.js';
import { UsageError } from '../../../errors.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';
import { metadataView } from './show.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('set')
    .description('Add or replace one metadata item of an allocator')
    .argument('<allocator>', 'allocator id')
    .argument('<key>', 'metadata key')
    .argument('<value>', 'metadata value (not empty)')
    .addHelpText(
      'after',
      `
Prints the allocator's metadata as ECE answers it after the change.

Examples:
  $ ece allocators metadata set 192.168.44.10 rack r7
  $ ece allocators metadata set 192.168.44.10 ssd true --dry-run`,
    )
    .action(
      act(contexts, (ctx, id: string, key: string, value: string) => run(id, key, value, ctx)),
    );
}

export async function run(id: string, key: string, value: string, ctx: Context): Promise<void> {
  if (key.trim() === '') throw new UsageError('the metadata key is empty');
  if (value === '') throw new UsageError('the metadata value is empty (delete the key instead)');
  const api = await ctx.api();
  const write = setMetadataItemRequest(id, key, value);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  await renderer.body(await api.request(write), metadataView);
}
