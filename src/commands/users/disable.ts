// `ece users disable NAME`: see enabled.ts.

import type { Command } from 'commander';
import { act, type Contexts } from '../action.js';
import { setEnabled } from './enabled.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('disable')
    .description('Disable a user: it can no longer sign in (reversible)')
    .argument('<name>', 'user name')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece users disable jdoe\n  $ ece users list --include-disabled',
    )
    .action(act(contexts, (ctx, name: string) => setEnabled(name, false, ctx)));
}
