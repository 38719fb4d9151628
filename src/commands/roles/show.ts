// `ece roles show <role>`: one runner role, its containers and runners.

import type { Command } from 'commander';
import { getRole } from '../../api/roles.js';
import type { Context } from '../../context.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { detailColumns } from './role.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description('Show a runner role: its containers and the runners that hold it')
    .argument('<role>', 'role id, e.g. allocator')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece roles show proxy\n  $ ece roles show proxy --json > proxy-role.json',
    )
    .action(act(contexts, (ctx, id: string) => run(id, ctx)));
}

export async function run(id: string, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await getRole(await ctx.api(), id);
  await renderer.body(res, fieldsView(detailColumns));
}
