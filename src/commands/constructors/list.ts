// `ece constructors list`: the constructors that place instances on allocators.

import type { Command } from 'commander';
import { listConstructors } from '../../api/infrastructure.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { type Constructor, columns } from './columns.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List the constructors, their connection and maintenance mode')
    .addHelpText('after', '\nExamples:\n  $ ece constructors list')
    .action(act(contexts, (ctx) => run(ctx)));
}

export async function run(ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await listConstructors(await ctx.api());
  await renderer.body(
    res,
    listView<Constructor>(
      (d) => (d as { constructors?: Constructor[] }).constructors,
      columns,
      'No constructors.',
    ),
  );
}
