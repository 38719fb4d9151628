// `ece roles list`: the runner roles and the runners that hold each.

import type { Command } from 'commander';
import { listRoles } from '../../api/roles.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { columns, type RoleAggregate } from './role.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List runner roles, their container sets and runners')
    .addHelpText(
      'after',
      "\nExamples:\n  $ ece roles list\n  $ ece roles list --query 'values[].id'",
    )
    .action(act(contexts, (ctx) => run(ctx)));
}

export async function run(ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await listRoles(await ctx.api());
  await renderer.body(
    res,
    listView<RoleAggregate>(
      (data) => (data as { values?: RoleAggregate[] }).values,
      columns,
      'No roles.',
    ),
  );
}
