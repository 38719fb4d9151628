// `ece deployments start`: start the stopped instances of one resource.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { finish, resourceCommand } from './resource.js';

export function register(group: Command, contexts: Contexts): void {
  finish(
    resourceCommand(group, 'start', 'Start the stopped instances of a resource'),
    contexts,
    '_start',
    '  $ ece deployments start prod-logs --kind kibana --wait',
  );
}
