// `ece instance-configs`: the group's verbs and help.

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
Instance configurations say which allocators an instance may run on and in
which sizes; deployment templates refer to them by id.

Examples:
  $ ece instance-configs list
  $ ece instance-configs show data.default --json > ic.json
  $ ece instance-configs create -f ic.json`,
  );
  list.register(group, contexts);
  show.register(group, contexts);
  create.register(group, contexts);
  update.register(group, contexts);
  del.register(group, contexts);
}
