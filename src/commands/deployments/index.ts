// `ece deployments`: the group's verbs and help.

import type { Command } from 'commander';
import type { Context } from '../../context.js';
import * as list from './list.js';

export function register(group: Command, ctx: Context): void {
  group.addHelpText(
    'after',
    `
Examples:
  $ ece deployments list
  $ ece deployments list --json | jq -r '.deployments[].id'`,
  );
  list.register(group, ctx);
}
