// `ece stack`: the Elastic Stack versions available to deployments, and the
// stack packs that bring them.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as del from './delete.js';
import * as show from './show.js';
import * as upload from './upload.js';
import * as versions from './versions.js';

export function register(group: Command, contexts: Contexts): void {
  versions.register(group, contexts);
  show.register(group, contexts);
  upload.register(group, contexts);
  del.register(group, contexts);
}
