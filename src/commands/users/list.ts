// `ece users list`: ECE leaves disabled users out unless --include-disabled.

import type { Command } from 'commander';
import { listUsersIncluding } from '../../api/users.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { type User, userColumns } from './columns.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List users')
    .option('-a, --include-disabled', 'list disabled users too')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece users list\n  $ ece users list --include-disabled --query "users[?security.enabled==`false`].user_name"',
    )
    .action(act(contexts, (ctx, flags: { includeDisabled?: boolean }) => run(flags, ctx)));
}

export async function run(flags: { includeDisabled?: boolean }, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await listUsersIncluding(await ctx.api(), flags);
  await renderer.body(
    res,
    listView<User>((d) => (d as { users?: User[] }).users, userColumns, 'No users.'),
  );
}
