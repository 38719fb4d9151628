// `ece users`: the platform's users.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as create from './create.js';
import * as remove from './delete.js';
import * as disable from './disable.js';
import * as enable from './enable.js';
import * as list from './list.js';
import * as show from './show.js';
import * as update from './update.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    '\nExamples:\n  $ ece users list\n  $ ece users create jdoe --role ece_platform_viewer --password-stdin < pw.txt\n  $ ece users update jdoe --add-role ece_deployment_manager\n  $ ece users disable jdoe',
  );
  list.register(group, contexts);
  show.register(group, contexts);
  create.register(group, contexts);
  update.register(group, contexts);
  enable.register(group, contexts);
  disable.register(group, contexts);
  remove.register(group, contexts);
}
