// `ece templates list`: the deployment templates of a region.

import type { Command } from 'commander';
import { listTemplates } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { warnIfUnsupported } from '../platform-version.js';
import { type Template, templateColumns } from './columns.js';
import { templateRegion, withRegion } from './region.js';

interface ListFlags {
  region?: string;
}

export function register(group: Command, contexts: Contexts): void {
  withRegion(
    group
      .command('list')
      .alias('ls')
      .description('List deployment templates')
      .addHelpText(
        'after',
        '\nExamples:\n  $ ece templates list\n  $ ece templates list --region us-east-1',
      ),
  ).action(act(contexts, (ctx, flags: ListFlags) => run(flags, ctx)));
}

export async function run(flags: ListFlags, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  warnIfUnsupported(ctx, api, 'GET', '/deployments/templates');
  const res = await listTemplates(api, await templateRegion(api, flags.region));
  await renderer.body(
    res,
    listView<Template>((data) => data as Template[], templateColumns, 'No templates.'),
  );
}
