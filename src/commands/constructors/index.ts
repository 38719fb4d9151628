// `ece constructors`: the group's verbs and help.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as list from './list.js';
import * as maintenance from './maintenance.js';
import * as show from './show.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    '\nExamples:\n  $ ece constructors list\n  $ ece constructors maintenance 192.168.44.10 on --yes',
  );
  list.register(group, contexts);
  show.register(group, contexts);
  maintenance.register(group, contexts);
}
