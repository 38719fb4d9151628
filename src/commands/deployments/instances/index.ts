// `ece deployments instances`: the instances of a deployment's resources —
// list them, stop and start them, maintenance mode, move Elasticsearch
// instances, thread and heap dumps. One verb per file; each is one entry here.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const instances = defineGroup({
  commands: [
    {
      name: 'list',
      summary: "List a deployment's instances: zone, allocator, size, status, maintenance mode",
      load: () => import('./list.js'),
    },
    {
      name: 'stop',
      summary: 'Stop instances of a resource (asks first)',
      load: () => import('./stop.js'),
    },
    {
      name: 'start',
      summary: 'Start stopped instances of a resource',
      load: () => import('./start.js'),
    },
    {
      name: 'maintenance',
      summary: 'Put instances in maintenance mode or take them out (on asks first)',
      load: () => import('./maintenance.js'),
    },
    {
      name: 'move',
      summary: 'Move Elasticsearch instances to other allocators (asks first)',
      load: () => import('./move.js'),
    },
    {
      name: 'thread-dump',
      summary: 'Capture a thread dump of an instance, to a file or stdout',
      load: () => import('./thread-dump.js'),
    },
    {
      name: 'heap-dump',
      summary: 'Capture a heap dump of an Elasticsearch instance and download it to a file',
      load: () => import('./heap-dump.js'),
    },
  ],
});

export function register(group: Command, contexts: Contexts): void {
  instances.register(
    group
      .command('instances')
      .description('Instances of a deployment: list, stop/start, maintenance mode, move, dumps'),
    contexts,
  );
}
