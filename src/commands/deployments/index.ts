// `ece deployments`: the group's verbs and help.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as create from './create.js';
import * as remove from './delete.js';
import * as es from './es.js';
import * as instances from './instances/index.js';
import * as keystore from './keystore/index.js';
import * as list from './list.js';
import * as plan from './plan/index.js';
import * as remoteClusters from './remote-clusters/index.js';
import * as resetPassword from './reset-password.js';
import * as resize from './resize.js';
import * as restart from './restart.js';
import * as restore from './restore.js';
import * as resync from './resync.js';
import * as search from './search.js';
import * as show from './show.js';
import * as shutdown from './shutdown.js';
import * as start from './start.js';
import * as stop from './stop.js';
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
  shutdown.register(group, contexts);
  restore.register(group, contexts);
  remove.register(group, contexts);
  restart.register(group, contexts);
  stop.register(group, contexts);
  start.register(group, contexts);
  plan.register(group, contexts);
  resize.register(group, contexts);
  upgrade.register(group, contexts);
  resetPassword.register(group, contexts);
  es.register(group, contexts);
  instances.register(group, contexts);
  resync.register(group, contexts);
  keystore.register(group, contexts);
  remoteClusters.register(group, contexts);
}
