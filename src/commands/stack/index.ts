// `ece stack`: the Elastic Stack versions available to deployments.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as versions from './versions.js';

export function register(group: Command, contexts: Contexts): void {
  versions.register(group, contexts);
}
