// `ece deployments plan …`: what a deployment's plans did and do — history,
// logs — and re-attaching to the ones that run now (watch).

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import * as history from './history.js';
import * as logs from './logs.js';
import * as watch from './watch.js';

export function registerPlan(plan: Command, contexts: Contexts): void {
  history.register(plan, contexts);
  logs.register(plan, contexts);
  watch.register(plan, contexts);
}
