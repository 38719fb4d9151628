// `ece users`: the platform's users.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as create from './create.js';
import * as remove from './delete.js';
import * as list from './list.js';
import * as show from './show.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    '\nExamples:\n  $ ece users list\n  $ ece users create jdoe --role ece_platform_viewer --password-stdin < pw.txt',
  );
  list.register(group, contexts);
  show.register(group, contexts);
  create.register(group, contexts);
  remove.register(group, contexts);
}
