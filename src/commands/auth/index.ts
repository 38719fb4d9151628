// `ece auth`: status, token, and API keys.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as create from './keys/create.js';
import * as remove from './keys/delete.js';
import * as list from './keys/list.js';
import * as status from './status.js';
import * as token from './token.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
Sign in with \`ece login\`, out with \`ece logout\`.

Examples:
  $ ece auth status
  $ ece auth keys create --description "CI pipeline"`,
  );
  status.register(group, contexts);
  token.register(group, contexts);
  const keys = group.command('keys').description('List, create and delete API keys');
  list.register(keys, contexts);
  create.register(keys, contexts);
  remove.register(keys, contexts);
}
