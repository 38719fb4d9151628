// `ece extensions list`: the plugins and bundles registered with ECE.

import type { Command } from 'commander';
import { listExtensions } from '../../api/extensions.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { columns } from './columns.js';
import type { Extension } from './resolve.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List the extensions (Elasticsearch plugins and bundles)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece extensions list\n  $ ece extensions list --json | jq -r \'.extensions[] | select(.extension_type=="bundle") | .id\'',
    )
    .action(act(contexts, (ctx) => run(ctx)));
}

export async function run(ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await listExtensions(await ctx.api());
  await renderer.body(
    res,
    listView<Extension>(
      (d) => (d as { extensions?: Extension[] }).extensions,
      columns,
      'No extensions.',
    ),
  );
}
