// `ece config`: profiles of non-secret settings.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as remove from './delete.js';
import * as list from './list.js';
import * as set from './set.js';
import * as show from './show.js';
import * as unset from './unset.js';
import * as use from './use.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
Profiles hold non-secret settings (host, ca-cert, insecure, output, timeout);
secrets live in the OS keychain (see \`ece login\`). --profile NAME or
ECE_PROFILE picks a profile for one run. The file is config.json in
ECE_CONFIG_DIR or ~/.config/ece.

Examples:
  $ ece config set host ece.example.com
  $ ece config use lab
  $ ece config list`,
  );
  list.register(group, contexts);
  show.register(group, contexts);
  set.register(group, contexts);
  unset.register(group, contexts);
  use.register(group, contexts);
  remove.register(group, contexts);
}
