// `ece auth`: status, token, and API keys.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { defineGroup } from '../run/command.js';
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
  defineGroup({
    commands: [
      list.register,
      {
        name: 'show',
        summary: "Show one API key's description and dates",
        load: () => import('./keys/show.js'),
      },
      create.register,
      remove.register,
    ],
  }).register(
    group.command('keys').description('List, show, create and delete API keys'),
    contexts,
  );
}
