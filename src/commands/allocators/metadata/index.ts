// `ece allocators metadata show|set|delete`: an allocator's key/value tags
// (used to steer placement: preferred_allocator_tags). One verb per file.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import * as del from './delete.js';
import * as set from './set.js';
import * as show from './show.js';

export function register(group: Command, contexts: Contexts): void {
  const metadata = group
    .command('metadata')
    .description("Show, set or delete an allocator's metadata (key/value tags)")
    .addHelpText(
      'after',
      `
Examples:
  $ ece allocators metadata show 192.168.44.10
  $ ece allocators metadata set 192.168.44.10 rack r7
  $ ece allocators metadata delete 192.168.44.10 rack`,
    );
  show.register(metadata, contexts);
  set.register(metadata, contexts);
  del.register(metadata, contexts);
}
