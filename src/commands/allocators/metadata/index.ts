// `ece allocators metadata show|set|delete`: an allocator's key/value tags
// (used to steer placement: preferred_allocator_tags). One verb per file.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const metadata = defineGroup({
  help: `
Examples:
  $ ece allocators metadata show 192.168.44.10
  $ ece allocators metadata set 192.168.44.10 rack r7
  $ ece allocators metadata delete 192.168.44.10 rack`,
  commands: [
    { name: 'show', summary: "Show an allocator's metadata", load: () => import('./show.js') },
    {
      name: 'set',
      summary: 'Add or replace one metadata item of an allocator',
      load: () => import('./set.js'),
    },
    {
      name: 'delete',
      summary: 'Remove one metadata item of an allocator',
      load: () => import('./delete.js'),
    },
  ],
});

export function register(parent: Command, contexts: Contexts): void {
  metadata.register(
    parent
      .command('metadata')
      .description("Show, set or delete an allocator's metadata (key/value tags)"),
    contexts,
  );
}
