// `ece runners`: the hosts of the platform.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as list from './list.js';

export function register(group: Command, contexts: Contexts): void {
  list.register(group, contexts);
}
