// `ece templates`: deployment templates.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: `
Deployment templates are the starting points of new deployments. Every
template operation is per region: --region, or the installation's own region
(read from GET /platform once per run).

Examples:
  $ ece templates list
  $ ece templates show default --json > t.json
  $ ece templates create -f t.json --id logs`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List deployment templates',
      load: () => import('./list.js'),
    },
    { name: 'show', summary: 'Show a deployment template', load: () => import('./show.js') },
    {
      name: 'create',
      summary: 'Create a deployment template from a JSON or YAML file',
      load: () => import('./create.js'),
    },
    {
      name: 'update',
      summary: 'Change a deployment template: replace it with a file, or rename it',
      load: () => import('./update.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a deployment template (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});
