// `ece runners show <runner>`: one runner, its roles and containers.

import type { Command } from 'commander';
import { getRunner } from '../../api/runners.js';
import type { Context } from '../../context.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { detailColumns } from './columns.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description('Show a runner: host, zone, roles, health and containers')
    .argument('<runner>', 'runner id (the host IP ECE shows)')
    .addHelpText(
      'after',
      "\nExamples:\n  $ ece runners show 192.168.44.10\n  $ ece runners show 192.168.44.10 --json | jq '.roles[].role_name'",
    )
    .action(act(contexts, (ctx, id: string) => run(id, ctx)));
}

export async function run(id: string, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await getRunner(await ctx.api(), id);
  await renderer.body(res, fieldsView(detailColumns));
}
