// `ece deployments remote-clusters`: the remote clusters of an Elasticsearch
// resource — show them, set the list. One verb per file.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const remote = defineGroup({
  help: '\nExamples:\n  $ ece deployments remote-clusters show search-hub --json > remotes.json\n  $ ece deployments remote-clusters set search-hub -f remotes.json',
  commands: [
    {
      name: 'show',
      aliases: ['list'],
      summary: 'Show the remote clusters of an Elasticsearch resource',
      load: () => import('./show.js'),
    },
    {
      name: 'set',
      summary: 'Replace the remote clusters of an Elasticsearch resource with a file’s list',
      load: () => import('./set.js'),
    },
    {
      name: 'eligible',
      summary: 'List the deployments that may be remote clusters of an Elasticsearch resource',
      load: () => import('./eligible.js'),
    },
  ],
});

export function register(group: Command, contexts: Contexts): void {
  remote.register(
    group
      .command('remote-clusters')
      .description('Remote clusters of an Elasticsearch resource: show, set, eligible'),
    contexts,
  );
}
