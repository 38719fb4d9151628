// `ece proxies`: the group's verbs and help — the proxies, their health,
// filtered groups of them, and the settings of all proxies.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { defineGroup } from '../run/command.js';

const groups = defineGroup({
  commands: [
    {
      name: 'create',
      summary: 'Create a filtered group of proxies',
      load: () => import('./groups-create.js'),
    },
    { name: 'show', summary: 'Show a filtered group', load: () => import('./groups-show.js') },
    {
      name: 'update',
      summary: "Change a filtered group's filters or expected count",
      load: () => import('./groups-update.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a filtered group',
      load: () => import('./groups-delete.js'),
    },
    {
      name: 'health',
      summary: "Show a filtered group's health",
      load: () => import('./groups-health.js'),
    },
  ],
});

const settings = defineGroup({
  commands: [
    {
      name: 'show',
      summary: 'Show the settings of all proxies (secrets masked)',
      load: () => import('./settings-show.js'),
    },
    {
      name: 'set',
      summary: 'Replace the settings of all proxies (asks first)',
      load: () => import('./settings-set.js'),
    },
    {
      name: 'patch',
      summary: 'Change some settings of all proxies',
      load: () => import('./settings-patch.js'),
    },
  ],
});

export const { register } = defineGroup({
  help: `
Examples:
  $ ece proxies list
  $ ece proxies show 192.168.44.10 --json
  $ ece proxies health --expect green
  $ ece proxies filtered-groups create zone-1 --filter zone=ece-zone-1 --expected 1`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the proxies, their health and what they route',
      load: () => import('./list.js'),
    },
    { name: 'show', summary: 'Show a proxy', load: () => import('./show.js') },
    {
      name: 'health',
      summary: 'Show the health of the proxies and of their filtered groups',
      load: () => import('./proxies-health.js'),
    },
    (group: Command, contexts: Contexts) =>
      groups.register(
        group
          .command('filtered-groups')
          .aliases(['filtered-group', 'fg'])
          .description('Filtered groups of proxies: create, show, update, delete, health'),
        contexts,
      ),
    (group: Command, contexts: Contexts) =>
      settings.register(
        group.command('settings').description('The settings of all proxies: show, set, patch'),
        contexts,
      ),
  ],
});
