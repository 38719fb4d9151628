// `ece runners`: the hosts of the platform, and their roles.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { defineGroup } from '../run/command.js';

const roles = defineGroup({
  help: '\nExamples:\n  $ ece runners roles set 192.168.44.12 allocator proxy\n  $ ece roles list',
  commands: [
    {
      name: 'set',
      summary: "Set a runner's roles (replaces them; asks before removing any)",
      load: () => import('./roles/set.js'),
    },
  ],
});

export const { register } = defineGroup({
  help: `
A runner is one host of the installation; its roles (ece roles list) say
which containers it runs: allocator, coordinator, director, proxy.

Examples:
  $ ece runners list
  $ ece runners search --search 'role:allocator'
  $ ece runners roles set 192.168.44.12 allocator proxy`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List runners (the hosts of the platform) with their roles',
      load: () => import('./list.js'),
    },
    {
      name: 'show',
      summary: 'Show a runner: host, zone, roles, health and containers',
      load: () => import('./show.js'),
    },
    {
      name: 'search',
      summary: 'Find runners by id, host, zone, role or health',
      load: () => import('./search.js'),
    },
    {
      name: 'resync',
      summary: "Resynchronize a runner's (or, with --all, every runner's) search index entry",
      load: () => import('./resync.js'),
    },
    (group: Command, contexts: Contexts) =>
      roles.register(group.command('roles').description("Set a runner's roles"), contexts),
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a runner: the last step of decommissioning a host (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});
