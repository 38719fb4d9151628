// `ece users list`.

import type { Command } from 'commander';
import { listUsers } from '../../api/platform.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { type User, userColumns } from './columns.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List users')
    .addHelpText('after', '\nExamples:\n  $ ece users list')
    .action(
      act(contexts, async (ctx) => {
        const renderer = await ctx.renderer();
        const res = await listUsers(await ctx.api());
        await renderer.body(
          res.text,
          listView<User>((d) => (d as { users?: User[] }).users, userColumns, 'No users.'),
        );
      }),
    );
}
