// `ece platform trust-relationships` (alias trust): the other environments
// (ECE installations, Elastic Cloud organisations) whose deployments this
// installation's deployments trust, for cross-cluster search and replication.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const group = defineGroup({
  help: `
Examples:
  $ ece platform trust list
  $ ece platform trust create -f other-ece.json`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the trust relationships',
      load: () => import('./list.js'),
    },
    { name: 'show', summary: 'Show a trust relationship', load: () => import('./show.js') },
    { name: 'create', summary: 'Trust another environment', load: () => import('./create.js') },
    { name: 'update', summary: 'Change a trust relationship', load: () => import('./update.js') },
    {
      name: 'delete',
      summary: 'Stop trusting an environment (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});

export function register(parent: Command, contexts: Contexts): void {
  group.register(
    parent
      .command('trust-relationships')
      .aliases(['trust'])
      .description(
        'Trust relationships with other environments: list, show, create, update, delete',
      ),
    contexts,
  );
}
