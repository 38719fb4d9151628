// `ece comments`: the group's verbs and help.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as add from './add.js';
import * as del from './delete.js';
import * as list from './list.js';
import * as update from './update.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
Comments are notes administrators leave on a deployment's resources (ECE
files them under the resource, not the deployment) or on allocators,
runners, constructors and proxies.

Examples:
  $ ece comments add prod-logs "Moved off allocator 192.168.44.11 for disk work"
  $ ece comments list prod-logs
  $ ece comments list --allocator 192.168.44.11`,
  );
  list.register(group, contexts);
  add.register(group, contexts);
  update.register(group, contexts);
  del.register(group, contexts);
}
