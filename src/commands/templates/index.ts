// `ece templates`: deployment templates.

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
Deployment templates are the starting points of new deployments. Every
template operation is per region: --region, or the installation's own region
(read from GET /platform once per run).

Examples:
  $ ece templates list
  $ ece templates show default --json > t.json
  $ ece templates create -f t.json --id logs`,
  );
  list.register(group, contexts);
  show.register(group, contexts);
  create.register(group, contexts);
  update.register(group, contexts);
  del.register(group, contexts);
}
