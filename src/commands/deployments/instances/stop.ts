// `ece deployments instances stop`: stop chosen instances of a resource (or
// --all). The containers stay where they are, not running; asks first.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { changeAction, changeOptions } from './change.js';

export function register(group: Command, contexts: Contexts): void {
  changeOptions(
    group
      .command('stop')
      .description('Stop instances of a resource (asks first)')
      .argument('<deployment>', 'deployment id or exact name')
      .argument('[instances...]', 'instance names, as `instances list` shows them'),
    true,
  )
    .addHelpText(
      'after',
      `
The instances are checked against the deployment before anything is sent: an
unknown name is exit 3. --all uses ECE's every-instance operation.

Examples:
  $ ece deployments instances stop prod-logs instance-0000000001 --yes
  $ ece deployments instances stop prod-logs --kind kibana --all --yes
  $ ece deployments instances stop prod-logs instance-0000000001 --dry-run`,
    )
    .action(changeAction(contexts, 'stop'));
}
