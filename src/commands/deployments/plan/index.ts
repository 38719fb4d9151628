// `ece deployments plan`: what a deployment's plans did and do — history,
// logs —, re-attaching to the ones that run now (watch), and cancelling a
// pending one. One verb per file; each adds itself here with one line.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';
import * as history from './history.js';
import * as logs from './logs.js';
import * as watch from './watch.js';

const plan = defineGroup({
  commands: [
    history.register,
    logs.register,
    watch.register,
    {
      name: 'cancel',
      summary: 'Cancel the pending plan of a resource (asks first)',
      load: () => import('./cancel.js'),
    },
  ],
});

export function register(group: Command, contexts: Contexts): void {
  plan.register(
    group.command('plan').description('Plans of a deployment: history, logs, watch, cancel'),
    contexts,
  );
}
