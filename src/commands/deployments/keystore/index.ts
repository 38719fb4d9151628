// `ece deployments keystore`: the Elasticsearch keystore of a deployment —
// list the settings, set one, unset some. One verb per file.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const keystore = defineGroup({
  help: '\nExamples:\n  $ ece deployments keystore list prod-logs\n  $ ece deployments keystore set prod-logs s3.client.default.secret_key -f secret.txt\n  $ ece deployments keystore set prod-logs -f secrets.json\n  $ ece deployments keystore unset prod-logs s3.client.default.secret_key --yes',
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the settings in the Elasticsearch keystore (names and types, never values)',
      load: () => import('./list.js'),
    },
    {
      name: 'set',
      summary:
        'Set a setting in the Elasticsearch keystore (the value from a file or stdin), or several from one file',
      load: () => import('./set.js'),
    },
    {
      name: 'unset',
      aliases: ['remove'],
      summary: 'Remove settings from the Elasticsearch keystore (asks first)',
      load: () => import('./unset.js'),
    },
  ],
});

export function register(group: Command, contexts: Contexts): void {
  keystore.register(
    group
      .command('keystore')
      .description('Elasticsearch keystore of a deployment: list, set, unset (values never shown)'),
    contexts,
  );
}
