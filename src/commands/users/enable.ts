// `ece users enable NAME`: see enabled.ts.

import type { Command } from 'commander';
import { act, type Contexts } from '../action.js';
import { setEnabled } from './enabled.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('enable')
    .description('Enable a user: it can sign in again')
    .argument('<name>', 'user name')
    .addHelpText('after', '\nExamples:\n  $ ece users enable jdoe')
    .action(act(contexts, (ctx, name: string) => setEnabled(name, true, ctx)));
}
