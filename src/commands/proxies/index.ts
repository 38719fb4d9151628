// `ece proxies`: the group's verbs and help.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: '\nExamples:\n  $ ece proxies list\n  $ ece proxies show 192.168.44.10 --json',
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the proxies, their health and what they route',
      load: () => import('./list.js'),
    },
    { name: 'show', summary: 'Show a proxy', load: () => import('./show.js') },
  ],
});
