// `ece allocators metadata show <allocator>`: KEY VALUE rows; --json is ECE's list.

import type { Command } from 'commander';
import { getAllocatorMetadata } from '../../../api/allocators.js';
import type { Context } from '../../../context.js';
import { listView } from '../../../output/views.js';
import { act, type Contexts } from '../../action.js';

export type Item = { key: string; value: string };

export const metadataView = listView<Item>(
  (data) => data as Item[],
  [
    ['KEY', (m) => m.key],
    ['VALUE', (m) => m.value],
  ],
  'No metadata.',
);

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description("Show an allocator's metadata")
    .argument('<allocator>', 'allocator id')
    .addHelpText(
      'after',
      `
Piped: one "key<TAB>value" line per item. --json prints ECE's list.

Examples:
  $ ece allocators metadata show 192.168.44.10
  $ ece allocators metadata show 192.168.44.10 --json`,
    )
    .action(act(contexts, (ctx, id: string) => run(id, ctx)));
}

export async function run(id: string, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  await renderer.body(await getAllocatorMetadata(await ctx.api(), id), metadataView);
}
