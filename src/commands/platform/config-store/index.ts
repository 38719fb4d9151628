// `ece platform config-store`: the named values ECE's own services read
// (/platform/configuration/store).

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const group = defineGroup({
  help: `
Examples:
  $ ece platform config-store list
  $ ece platform config-store update my-option --value 42`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the config store options',
      load: () => import('./list.js'),
    },
    { name: 'show', summary: 'Show one config store option', load: () => import('./show.js') },
    { name: 'create', summary: 'Add a config store option', load: () => import('./create.js') },
    {
      name: 'update',
      summary: 'Change the value of a config store option (with the version read)',
      load: () => import('./update.js'),
    },
    {
      name: 'delete',
      summary: 'Delete a config store option (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});

export function register(parent: Command, contexts: Contexts): void {
  group.register(
    parent
      .command('config-store')
      .description("Options of ECE's config store: list, show, create, update, delete"),
    contexts,
  );
}
