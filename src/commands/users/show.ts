// `ece users show NAME`.

import type { Command } from 'commander';
import { getUser } from '../../api/platform.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { userColumns } from './columns.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description('Show a user')
    .argument('<name>', 'user name')
    .addHelpText('after', '\nExamples:\n  $ ece users show admin')
    .action(
      act(contexts, async (ctx, name: string) => {
        const renderer = await ctx.renderer();
        const res = await getUser(await ctx.api(), name);
        await renderer.body(res, fieldsView(userColumns));
      }),
    );
}
