// `ece coordinators`: the control plane's hosts, the candidates waiting to
// join it, promote and demote.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { defineGroup } from '../run/command.js';

const candidates = defineGroup({
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the hosts waiting to become coordinators',
      load: () => import('./candidates-list.js'),
    },
    { name: 'show', summary: 'Show a candidate', load: () => import('./candidates-show.js') },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Forget a candidate (asks first)',
      load: () => import('./candidates-delete.js'),
    },
  ],
});

export const { register } = defineGroup({
  help: `
Examples:
  $ ece coordinators list
  $ ece coordinators candidates list
  $ ece coordinators promote 192.168.44.13`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the coordinators',
      load: () => import('./list.js'),
    },
    { name: 'show', summary: 'Show a coordinator', load: () => import('./show.js') },
    (group: Command, contexts: Contexts) =>
      candidates.register(
        group
          .command('candidates')
          .aliases(['candidate'])
          .description('Hosts waiting to become coordinators: list, show, delete'),
        contexts,
      ),
    {
      name: 'promote',
      summary: 'Make a candidate a coordinator',
      load: () => import('./promote.js'),
    },
    {
      name: 'demote',
      summary: 'Take a coordinator out of the control plane (asks first)',
      load: () => import('./demote.js'),
    },
  ],
});
