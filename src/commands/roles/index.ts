// `ece roles`: the runner roles of the blueprinter — which containers a
// runner with the role runs. Not users' roles (those are in `ece users`).

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: `
Runner roles (allocator, coordinator, director, proxy and your own) say which
containers a runner runs; \`ece runners roles set\` gives them to runners.
They are not the roles of platform users.

Examples:
  $ ece roles list
  $ ece roles show allocator
  $ ece runners roles set 192.168.44.12 allocator proxy`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List runner roles, their container sets and runners',
      load: () => import('./list.js'),
    },
    {
      name: 'show',
      summary: 'Show a runner role: its containers and the runners that hold it',
      load: () => import('./show.js'),
    },
    {
      name: 'create',
      summary: 'Create a runner role from a JSON or YAML file',
      load: () => import('./create.js'),
    },
    {
      name: 'update',
      summary: 'Change a runner role: replace it with a file, or set auto_blessed',
      load: () => import('./update.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a runner role (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});
