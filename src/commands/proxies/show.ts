// `ece proxies show <id>`.

import type { Command } from 'commander';
import { getProxy } from '../../api/infrastructure.js';
import type { Context } from '../../context.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { columns } from './columns.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description('Show a proxy')
    .argument('<id>', 'proxy id (ece proxies list)')
    .addHelpText('after', '\nExamples:\n  $ ece proxies show 192.168.44.10')
    .action(act(contexts, (ctx, id: string) => run(id, ctx)));
}

export async function run(id: string, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await getProxy(await ctx.api(), id);
  await renderer.body(res, fieldsView(columns));
}
