// `ece deployments instances`: the instances of a deployment's resources —
// list them, stop and start them, maintenance mode, move Elasticsearch
// instances, thread and heap dumps. One verb per file; each is one entry here.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';
import * as heapDump from './heap-dump.js';
import * as list from './list.js';
import * as move from './move.js';
import * as threadDump from './thread-dump.js';

const instances = defineGroup({
  commands: [
    list.register,
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
    move.register,
    threadDump.register,
    heapDump.register,
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
