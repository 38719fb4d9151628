// `ece deployments plan`: the plans of a deployment's resources. One verb per
// file; each adds itself here with one line.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import * as cancel from './cancel.js';

export function register(group: Command, contexts: Contexts): void {
  const plan = group.command('plan').description('Pending plans');
  cancel.register(plan, contexts);
}
