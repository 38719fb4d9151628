// `ece snapshot-repos`: the group's verbs and help.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: `
The platform's snapshot repositories, which deployments take their snapshots to.

Examples:
  $ ece snapshot-repos list
  $ ece snapshot-repos set ece-snapshots -f s3.json
  $ ece snapshot-repos delete old-backups --yes`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the snapshot repositories deployments can use',
      load: () => import('./list.js'),
    },
    { name: 'show', summary: 'Show a snapshot repository', load: () => import('./show.js') },
    {
      name: 'set',
      summary: 'Create or replace a snapshot repository',
      load: () => import('./set.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a snapshot repository (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});
