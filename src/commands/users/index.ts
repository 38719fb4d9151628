// `ece users`: the platform's users.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: '\nExamples:\n  $ ece users list\n  $ ece users create jdoe --role ece_platform_viewer --password-stdin < pw.txt\n  $ ece users update jdoe --add-role ece_deployment_manager\n  $ ece users disable jdoe',
  commands: [
    { name: 'list', aliases: ['ls'], summary: 'List users', load: () => import('./list.js') },
    { name: 'show', summary: 'Show a user', load: () => import('./show.js') },
    {
      name: 'create',
      summary: 'Create a user (the password is asked for, or read from stdin)',
      load: () => import('./create.js'),
    },
    {
      name: 'update',
      summary: "Change a user's name, email, roles or password (sends only what changes)",
      load: () => import('./update.js'),
    },
    {
      name: 'enable',
      summary: 'Enable a user: it can sign in again',
      load: () => import('./enable.js'),
    },
    {
      name: 'disable',
      summary: 'Disable a user: it can no longer sign in (reversible)',
      load: () => import('./disable.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a user (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});
