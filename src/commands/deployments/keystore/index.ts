// `ece deployments keystore`: the Elasticsearch keystore of a deployment —
// list the settings, set one, unset some. One verb per file.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import * as list from './list.js';
import * as set from './set.js';
import * as unset from './unset.js';

export function register(group: Command, contexts: Contexts): void {
  const keystore = group
    .command('keystore')
    .description('Elasticsearch keystore of a deployment: list, set, unset (values never shown)');
  keystore.addHelpText(
    'after',
    '\nExamples:\n  $ ece deployments keystore list prod-logs\n  $ ece deployments keystore set prod-logs s3.client.default.secret_key -f secret.txt\n  $ ece deployments keystore unset prod-logs s3.client.default.secret_key --yes',
  );
  list.register(keystore, contexts);
  set.register(keystore, contexts);
  unset.register(keystore, contexts);
}
