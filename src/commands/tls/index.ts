// `ece tls`: the TLS certificates of the Cloud UI and the proxies.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as set from './set.js';
import * as show from './show.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
Examples:
  $ ece tls show ui
  $ ece tls set proxy --chain proxy-chain.pem --key proxy-key.pem`,
  );
  show.register(group, contexts);
  set.register(group, contexts);
}
