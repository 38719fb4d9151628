// `ece deployments plan`: what a deployment's plans did and do — history,
// logs —, re-attaching to the ones that run now (watch), and cancelling a
// pending one. One verb per file; each adds itself here with one line.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import * as cancel from './cancel.js';
import * as history from './history.js';
import * as logs from './logs.js';
import * as watch from './watch.js';

export function register(group: Command, contexts: Contexts): void {
  const plan = group
    .command('plan')
    .description('Plans of a deployment: history, logs, watch, cancel');
  history.register(plan, contexts);
  logs.register(plan, contexts);
  watch.register(plan, contexts);
  cancel.register(plan, contexts);
}
