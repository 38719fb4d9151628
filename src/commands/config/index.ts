// `ece config`: profiles of non-secret settings.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { registerList, registerShow } from './read.js';
import { register as registerWrite } from './write.js';

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
  registerList(group, contexts);
  registerShow(group, contexts);
  registerWrite(group, contexts);
}
