// `ece templates`: deployment templates.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as list from './list.js';
import * as show from './show.js';

export function register(group: Command, contexts: Contexts): void {
  list.register(group, contexts);
  show.register(group, contexts);
}
