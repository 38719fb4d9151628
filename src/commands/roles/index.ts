// `ece roles`: the runner roles of the blueprinter — which containers a
// runner with the role runs. Not users' roles (those are in `ece users`).

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as create from './create.js';
import * as del from './delete.js';
import * as list from './list.js';
import * as show from './show.js';
import * as update from './update.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
Runner roles (allocator, coordinator, director, proxy and your own) say which
containers a runner runs; \`ece runners roles set\` gives them to runners.
They are not the roles of platform users.

Examples:
  $ ece roles list
  $ ece roles show allocator
  $ ece runners roles set 192.168.44.12 allocator proxy`,
  );
  list.register(group, contexts);
  show.register(group, contexts);
  create.register(group, contexts);
  update.register(group, contexts);
  del.register(group, contexts);
}
