// `ece constructors`: the group's verbs and help.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: '\nExamples:\n  $ ece constructors list\n  $ ece constructors maintenance 192.168.44.10 on --yes\n  $ ece constructors resync --all',
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the constructors, their connection and maintenance mode',
      load: () => import('./list.js'),
    },
    { name: 'show', summary: 'Show a constructor', load: () => import('./show.js') },
    {
      name: 'maintenance',
      summary: "Turn a constructor's maintenance mode on or off (on asks first)",
      load: () => import('./maintenance.js'),
    },
    {
      name: 'resync',
      summary: "Rebuild a constructor's search index entry, or every constructor's (--all)",
      load: () => import('./resync.js'),
    },
  ],
});
