// `ece comments`: the group's verbs and help.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: `
Comments are notes administrators leave on a deployment's resources (ECE
files them under the resource, not the deployment) or on allocators,
runners, constructors and proxies.

Examples:
  $ ece comments add prod-logs "Moved off allocator 192.168.44.11 for disk work"
  $ ece comments list prod-logs
  $ ece comments show prod-logs 93420f71ca474b79aa4bc2aaa7f37e21
  $ ece comments list --allocator 192.168.44.11`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the comments on a resource',
      load: () => import('./list.js'),
    },
    {
      name: 'show',
      summary: 'Show one comment: author, message, times',
      load: () => import('./show.js'),
    },
    { name: 'add', summary: 'Add a comment to a resource', load: () => import('./add.js') },
    {
      name: 'update',
      summary: 'Change the message of a comment',
      load: () => import('./update.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a comment (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});
