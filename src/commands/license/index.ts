// `ece license`: the group's verbs and help.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as set from './set.js';
import * as show from './show.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    '\nExamples:\n  $ ece license show\n  $ ece license set -f license.json',
  );
  show.register(group, contexts);
  set.register(group, contexts);
}
