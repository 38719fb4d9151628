// `ece allocators`: the hosts that run instances. One verb per file.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as del from './delete.js';
import * as list from './list.js';
import * as maintenance from './maintenance.js';
import * as metadata from './metadata/index.js';
import * as search from './search.js';
import * as show from './show.js';
import * as vacate from './vacate.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
An allocator is named by its id (usually its IP address).

Examples:
  $ ece allocators list
  $ ece allocators show 192.168.44.10
  $ ece allocators maintenance 192.168.44.10 on
  $ ece allocators vacate 192.168.44.10 --wait`,
  );
  list.register(group, contexts);
  show.register(group, contexts);
  maintenance.register(group, contexts);
  vacate.register(group, contexts);
  del.register(group, contexts);
  search.register(group, contexts);
  metadata.register(group, contexts);
}
