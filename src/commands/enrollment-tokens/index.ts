// `ece enrollment-tokens`: the tokens that let new hosts join the installation.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: `
A new host joins the installation by running ECE's installer with an
enrollment token and the roles the token allows.

Examples:
  $ ece enrollment-tokens create --role allocator --validity 2h
  $ ece enrollment-tokens list
  $ ece enrollment-tokens delete 6a0e0c3b9f2d4e1f --yes`,
  commands: [
    {
      name: 'create',
      summary: 'Create an enrollment token for installing a new host (printed once)',
      load: () => import('./create.js'),
    },
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the persistent enrollment tokens (ids and roles, never the tokens)',
      load: () => import('./list.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Revoke and delete enrollment tokens (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});
