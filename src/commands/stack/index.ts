// `ece stack`: the Elastic Stack versions available to deployments, and the
// stack packs that bring them.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as del from './delete.js';
import * as show from './show.js';
import * as upload from './upload.js';
import * as versions from './versions.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
Examples:
  $ ece stack versions
  $ ece stack show 8.15.1
  $ ece stack upload 8.16.0.zip
  $ ece stack delete 7.17.24 --yes`,
  );
  versions.register(group, contexts);
  show.register(group, contexts);
  upload.register(group, contexts);
  del.register(group, contexts);
}
