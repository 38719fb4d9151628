// `ece proxies list`: the proxies that route traffic to deployments.

import type { Command } from 'commander';
import { listProxies } from '../../api/infrastructure.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { columns, type ProxyInfo } from './columns.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List the proxies, their health and what they route')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece proxies list\n  $ ece proxies list --query "proxies[?!healthy].proxy_id"',
    )
    .action(act(contexts, (ctx) => run(ctx)));
}

export async function run(ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await listProxies(await ctx.api());
  await renderer.body(
    res,
    listView<ProxyInfo>((d) => (d as { proxies?: ProxyInfo[] }).proxies, columns, 'No proxies.'),
  );
}
