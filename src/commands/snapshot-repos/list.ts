// `ece snapshot-repos list`: the platform's snapshot repositories.

import type { Command } from 'commander';
import { listSnapshotRepos } from '../../api/snapshot-repos.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { columns, type RepoConfig } from './columns.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List the snapshot repositories deployments can use')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece snapshot-repos list\n  $ ece snapshot-repos list --query "configs[].repository_name"',
    )
    .action(act(contexts, (ctx) => run(ctx)));
}

export async function run(ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await listSnapshotRepos(await ctx.api());
  await renderer.body(
    res,
    listView<RepoConfig>(
      (d) => (d as { configs?: RepoConfig[] }).configs,
      columns,
      'No snapshot repositories.',
    ),
  );
}
