// `ece deployments instances start`: start stopped instances of a resource (or --all).

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { changeAction, changeOptions } from './change.js';

export function register(group: Command, contexts: Contexts): void {
  changeOptions(
    group
      .command('start')
      .description('Start stopped instances of a resource')
      .argument('<deployment>', 'deployment id or exact name')
      .argument('[instances...]', 'instance names, as `instances list` shows them'),
    false,
  )
    .addHelpText(
      'after',
      `
Examples:
  $ ece deployments instances start prod-logs instance-0000000001
  $ ece deployments instances start prod-logs --kind kibana --all`,
    )
    .action(changeAction(contexts, 'start'));
}
