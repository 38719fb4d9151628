// `ece deployments instances`: the instances of a deployment's resources —
// list them, stop and start them, maintenance mode, move Elasticsearch
// instances, thread and heap dumps. One verb per file; each adds itself here
// with one line.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import * as heapDump from './heap-dump.js';
import * as list from './list.js';
import * as maintenance from './maintenance.js';
import * as move from './move.js';
import * as start from './start.js';
import * as stop from './stop.js';
import * as threadDump from './thread-dump.js';

export function register(group: Command, contexts: Contexts): void {
  const instances = group
    .command('instances')
    .description('Instances of a deployment: list, stop/start, maintenance mode, move, dumps');
  list.register(instances, contexts);
  stop.register(instances, contexts);
  start.register(instances, contexts);
  maintenance.register(instances, contexts);
  move.register(instances, contexts);
  threadDump.register(instances, contexts);
  heapDump.register(instances, contexts);
}
