// `ece allocators metadata delete <allocator> <key>`: removes one item. Like
// removing a label in kubectl it does not ask: the item is one `set` away.

import type { Command } from 'commander';
import { deleteMetadataItemRequest } from '../../../api/allocators.js';
import type { Context } from '../../../context.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';
import { metadataView } from './show.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .description('Remove one metadata item of an allocator')
    .argument('<allocator>', 'allocator id')
    .argument('<key>', 'metadata key')
    .addHelpText(
      'after',
      `
Prints the allocator's metadata as ECE answers it after the change.

Examples:
  $ ece allocators metadata delete 192.168.44.10 rack`,
    )
    .action(act(contexts, (ctx, id: string, key: string) => run(id, key, ctx)));
}

export async function run(id: string, key: string, ctx: Context): Promise<void> {
  const api = await ctx.api();
  const write = deleteMetadataItemRequest(id, key);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  await renderer.body(await api.request(write), metadataView);
}
