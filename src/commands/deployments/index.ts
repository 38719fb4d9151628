// `ece deployments`: the group's verbs and help.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as create from './create.js';
import * as es from './es.js';
import * as lifecycle from './lifecycle.js';
import * as list from './list.js';
import * as resetPassword from './reset-password.js';
import * as resize from './resize.js';
import * as resources from './resources.js';
import * as search from './search.js';
import * as show from './show.js';
import * as update from './update.js';
import * as upgrade from './upgrade.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
A deployment is named by its 32-character id or its exact name.

Examples:
  $ ece deployments list
  $ ece deployments create -f deployment.json --wait
  $ ece deployments show prod-logs
  $ ece deployments shutdown old-logs --yes --wait && ece deployments delete old-logs --yes`,
  );
  list.register(group, contexts);
  show.register(group, contexts);
  search.register(group, contexts);
  create.register(group, contexts);
  update.register(group, contexts);
  lifecycle.register(group, contexts);
  resources.register(group, contexts);
  resize.register(group, contexts);
  upgrade.register(group, contexts);
  resetPassword.register(group, contexts);
  es.register(group, contexts);
}
