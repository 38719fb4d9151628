// `ece deployments remote-clusters`: the remote clusters of an Elasticsearch
// resource — show them, set the list. One verb per file.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import * as set from './set.js';
import * as show from './show.js';

export function register(group: Command, contexts: Contexts): void {
  const remote = group
    .command('remote-clusters')
    .description('Remote clusters of an Elasticsearch resource: show, set');
  remote.addHelpText(
    'after',
    '\nExamples:\n  $ ece deployments remote-clusters show search-hub --json > remotes.json\n  $ ece deployments remote-clusters set search-hub -f remotes.json',
  );
  show.register(remote, contexts);
  set.register(remote, contexts);
}
