// `ece instance-configs`: the group's verbs and help.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: `
Instance configurations say which allocators an instance may run on and in
which sizes; deployment templates refer to them by id.

Examples:
  $ ece instance-configs list
  $ ece instance-configs show data.default --json > ic.json
  $ ece instance-configs create -f ic.json`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List instance configurations',
      load: () => import('./list.js'),
    },
    { name: 'show', summary: 'Show an instance configuration', load: () => import('./show.js') },
    {
      name: 'create',
      summary: 'Create an instance configuration from a JSON or YAML file',
      load: () => import('./create.js'),
    },
    {
      name: 'update',
      summary: 'Replace an instance configuration with the one in a file',
      load: () => import('./update.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete an instance configuration (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});
