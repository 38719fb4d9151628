// `ece runners list`: the runners (hosts) of the platform with their roles.

import type { Command } from 'commander';
import { listRunners } from '../../api/platform.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { columns, type Runner } from './columns.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List runners (the hosts of the platform) with their roles')
    .addHelpText('after', '\nExamples:\n  $ ece runners list')
    .action(
      act(contexts, async (ctx) => {
        const renderer = await ctx.renderer();
        const res = await listRunners(await ctx.api());
        const view = listView<Runner>(
          (data) => (data as { runners?: Runner[] }).runners,
          columns,
          'No runners.',
        );
        await renderer.body(res, view);
      }),
    );
}
