// `ece deployments plan`: what a deployment's plans did and do — history,
// logs —, re-attaching to the ones that run now (watch), and cancelling a
// pending one. One verb per file; each adds itself here with one line.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const plan = defineGroup({
  commands: [
    {
      name: 'history',
      summary:
        'List the plan attempts of a deployment: start, duration, result, failed step, source',
      load: () => import('./history.js'),
    },
    {
      name: 'logs',
      summary: 'Show the steps of a plan attempt with their status, duration and messages',
      load: () => import('./logs.js'),
    },
    {
      name: 'watch',
      summary: 'Follow the plans that run now on a deployment to their end, as --wait does',
      load: () => import('./watch.js'),
    },
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
