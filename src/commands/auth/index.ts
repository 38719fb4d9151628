// `ece auth`: status, token, and API keys.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { defineGroup } from '../run/command.js';

const keys = defineGroup({
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: "List your API keys, or another user's (--user) or everyone's (--all-users)",
      load: () => import('./keys/list.js'),
    },
    {
      name: 'show',
      summary: "Show one API key's description and dates",
      load: () => import('./keys/show.js'),
    },
    { name: 'create', summary: 'Create an API key', load: () => import('./keys/create.js') },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: "Delete API keys: yours, or another user's with --user",
      load: () => import('./keys/delete.js'),
    },
  ],
});

export const { register } = defineGroup({
  help: `
Sign in with \`ece login\`, out with \`ece logout\`.

Examples:
  $ ece auth status
  $ ece auth keys create --description "CI pipeline"`,
  commands: [
    {
      name: 'status',
      summary: 'Show the host, credential and user the active profile signs in with',
      load: () => import('./status.js'),
    },
    {
      name: 'token',
      summary: 'Print the bearer token of the active session',
      load: () => import('./token.js'),
    },
    (group: Command, contexts: Contexts) =>
      keys.register(
        group.command('keys').description('List, show, create and delete API keys'),
        contexts,
      ),
  ],
});
