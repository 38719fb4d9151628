// `ece enrollment-tokens`: the tokens that let new hosts join the installation.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as create from './create.js';
import * as del from './delete.js';
import * as list from './list.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
A new host joins the installation by running ECE's installer with an
enrollment token and the roles the token allows.

Examples:
  $ ece enrollment-tokens create --role allocator --validity 2h
  $ ece enrollment-tokens list
  $ ece enrollment-tokens delete 6a0e0c3b9f2d4e1f --yes`,
  );
  create.register(group, contexts);
  list.register(group, contexts);
  del.register(group, contexts);
}
