// `ece instance-configs list`: the installation's instance configurations.

import type { Command } from 'commander';
import { listInstanceConfigs } from '../../api/instance-configs.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { columns, type InstanceConfig } from './columns.js';

interface ListFlags {
  showDeleted?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List instance configurations')
    .option('--show-deleted', 'include deleted configurations')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece instance-configs list\n  $ ece instance-configs list --query "[?instance_type==\'kibana\'].id"',
    )
    .action(act(contexts, (ctx, flags: ListFlags) => run(flags, ctx)));
}

export async function run(flags: ListFlags, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await listInstanceConfigs(await ctx.api(), { showDeleted: flags.showDeleted });
  await renderer.body(
    res,
    listView<InstanceConfig>((d) => d as InstanceConfig[], columns, 'No instance configurations.'),
  );
}
