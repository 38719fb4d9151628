// `ece snapshot-repos show <name>`. The table lists the settings' names
// (their values may be credentials); --json prints the API's body.

import type { Command } from 'commander';
import { getSnapshotRepo } from '../../api/snapshot-repos.js';
import type { Context } from '../../context.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { detailColumns } from './columns.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description('Show a snapshot repository')
    .argument('<name>', 'repository name')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece snapshot-repos show ece-snapshots\n  $ ece snapshot-repos show ece-snapshots --json',
    )
    .action(act(contexts, (ctx, name: string) => run(name, ctx)));
}

export async function run(name: string, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await getSnapshotRepo(await ctx.api(), name);
  await renderer.body(res, fieldsView(detailColumns));
}
