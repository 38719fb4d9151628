// `ece deployments instances maintenance on|off`: ECE's proxies stop (on) or
// resume (off) routing requests to the chosen instances. Turning it on asks
// first: clients lose those instances.

import type { Command } from 'commander';
import { UsageError } from '../../../errors.js';
import { act, type Contexts } from '../../action.js';
import { type ChangeFlags, changeOptions, runChange } from './change.js';

export function register(group: Command, contexts: Contexts): void {
  changeOptions(
    group
      .command('maintenance')
      .description('Put instances in maintenance mode or take them out (on asks first)')
      .argument('<on|off>', 'on: no traffic is routed to them; off: back in service')
      .argument('<deployment>', 'deployment id or exact name')
      .argument('[instances...]', 'instance names, as `instances list` shows them'),
    true,
  )
    .addHelpText(
      'after',
      `
In maintenance mode an instance keeps running, but ECE's proxies route no
requests to it. --yes is needed only for "on" (without a terminal).

Examples:
  $ ece deployments instances maintenance on prod-logs instance-0000000001 --yes
  $ ece deployments instances maintenance off prod-logs instance-0000000001
  $ ece deployments instances maintenance on prod-logs --kind kibana --all --yes`,
    )
    .action(
      act(contexts, (ctx, state: string, ref: string, names: string[], flags: ChangeFlags) => {
        const s = state.toLowerCase();
        if (s !== 'on' && s !== 'off')
          throw new UsageError(`invalid maintenance state "${state}": use on or off`);
        return runChange(ref, names, flags, s === 'on' ? 'maintenance-on' : 'maintenance-off', ctx);
      }),
    );
}
