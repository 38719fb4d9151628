// `ece instance-configs show <id>`.

import type { Command } from 'commander';
import { getInstanceConfig } from '../../api/instance-configs.js';
import type { Context } from '../../context.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { detailColumns } from './columns.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description('Show an instance configuration')
    .argument('<id>', 'instance configuration id')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece instance-configs show data.default\n  $ ece instance-configs show data.default --json > ic.json',
    )
    .action(act(contexts, (ctx, id: string) => run(id, ctx)));
}

export async function run(id: string, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await getInstanceConfig(await ctx.api(), id);
  await renderer.body(res, fieldsView(detailColumns));
}
