// `ece snapshot-repos`: the group's verbs and help.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as del from './delete.js';
import * as list from './list.js';
import * as set from './set.js';
import * as show from './show.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
The platform's snapshot repositories, which deployments take their snapshots to.

Examples:
  $ ece snapshot-repos list
  $ ece snapshot-repos set ece-snapshots -f s3.json
  $ ece snapshot-repos delete old-backups --yes`,
  );
  list.register(group, contexts);
  show.register(group, contexts);
  set.register(group, contexts);
  del.register(group, contexts);
}
