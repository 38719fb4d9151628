// `ece deployments stop`: stop every instance of one resource. Stopping
// Elasticsearch asks first, like shutdown; --yes skips that.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { finish, resourceCommand } from './resource.js';

export function register(group: Command, contexts: Contexts): void {
  const cmd = resourceCommand(
    group,
    'stop',
    'Stop the instances of a resource (asks first for Elasticsearch)',
    (c) => c.option('-y, --yes', 'do not ask for confirmation'),
  );
  finish(
    cmd,
    contexts,
    '_stop',
    '  $ ece deployments stop prod-logs --kind kibana --wait\n  $ ece deployments stop prod-logs --yes',
  );
}
