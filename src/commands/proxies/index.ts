// `ece proxies`: the group's verbs and help.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as list from './list.js';
import * as show from './show.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    '\nExamples:\n  $ ece proxies list\n  $ ece proxies show 192.168.44.10 --json',
  );
  list.register(group, contexts);
  show.register(group, contexts);
}
