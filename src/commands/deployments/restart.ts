// `ece deployments restart`: restart the instances of one resource.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { finish, resourceCommand } from './resource.js';

export function register(group: Command, contexts: Contexts): void {
  const cmd = resourceCommand(group, 'restart', 'Restart the instances of a resource', (c) =>
    c.option(
      '--cancel-pending',
      'cancel a pending plan of the resource first (ECE refuses otherwise)',
    ),
  );
  finish(
    cmd,
    contexts,
    'restart',
    '  $ ece deployments restart prod-logs --kind kibana --wait\n  $ ece deployments restart prod-logs --ref-id _main --cancel-pending',
  );
}
