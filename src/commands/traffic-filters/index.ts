// `ece traffic-filters`: the group's verbs and help.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: `
A traffic filter ruleset lists the sources (IP addresses, CIDR blocks) that
may reach the deployments it is associated with; a deployment with no
ruleset accepts traffic from anywhere. Rulesets are named by id or exact name.

Examples:
  $ ece traffic-filters create --name office-network --source 203.0.113.0/24
  $ ece traffic-filters associate office-network prod-logs
  $ ece traffic-filters show office-network`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List traffic filter rulesets',
      load: () => import('./list.js'),
    },
    {
      name: 'show',
      aliases: ['get'],
      summary: 'Show a traffic filter ruleset, its rules and its deployments',
      load: () => import('./show.js'),
    },
    {
      name: 'create',
      summary: 'Create a traffic filter ruleset from flags or a JSON or YAML file',
      load: () => import('./create.js'),
    },
    {
      name: 'update',
      summary: 'Change a traffic filter ruleset: its rules, name or description',
      load: () => import('./update.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a traffic filter ruleset (asks first)',
      load: () => import('./delete.js'),
    },
    {
      name: 'associate',
      summary: 'Apply a traffic filter ruleset to a deployment',
      load: () => import('./associate.js'),
    },
    {
      name: 'disassociate',
      summary: 'Stop applying a traffic filter ruleset to a deployment',
      load: () => import('./disassociate.js'),
    },
  ],
});
