// `ece stack`: the Elastic Stack versions available to deployments, and the
// stack packs that bring them.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: `
Examples:
  $ ece stack versions
  $ ece stack show 8.15.1
  $ ece stack upload 8.16.0.zip
  $ ece stack delete 7.17.24 --yes`,
  commands: [
    {
      name: 'versions',
      summary: 'List the Elastic Stack versions available to deployments',
      load: () => import('./versions.js'),
    },
    {
      name: 'show',
      summary: 'Show a stack version: template, upgrade paths, flags',
      load: () => import('./show.js'),
    },
    {
      name: 'upload',
      summary: 'Upload a stack pack (a zip of Elastic Stack versions)',
      load: () => import('./upload.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a stack version (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});
