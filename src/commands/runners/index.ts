// `ece runners`: the hosts of the platform, and their roles.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as del from './delete.js';
import * as list from './list.js';
import * as resync from './resync.js';
import * as setRoles from './roles/set.js';
import * as search from './search.js';
import * as show from './show.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
A runner is one host of the installation; its roles (ece roles list) say
which containers it runs: allocator, coordinator, director, proxy.

Examples:
  $ ece runners list
  $ ece runners search --query 'role:allocator'
  $ ece runners roles set 192.168.44.12 allocator proxy`,
  );
  list.register(group, contexts);
  show.register(group, contexts);
  search.register(group, contexts);
  resync.register(group, contexts);
  const roles = group
    .command('roles')
    .description("Set a runner's roles")
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece runners roles set 192.168.44.12 allocator proxy\n  $ ece roles list',
    );
  setRoles.register(roles, contexts);
  del.register(group, contexts);
}
