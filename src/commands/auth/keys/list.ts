// `ece auth keys list`: the API keys of the signed-in user.

import type { Command } from 'commander';
import { type ApiKey, listKeys } from '../../../api/auth.js';
import type { Context } from '../../../context.js';
import type { View } from '../../../output/render.js';
import { act, type Contexts } from '../../action.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List your API keys')
    .addHelpText('after', '\nExamples:\n  $ ece auth keys list\n  $ ece auth keys list --json')
    .action(act(contexts, (ctx) => run(ctx)));
}

export async function run(ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await listKeys(await ctx.api());
  await renderer.body(res, view);
}

const keysOf = (data: unknown): ApiKey[] => ((data as { keys?: ApiKey[] })?.keys ?? []) as ApiKey[];

export const view: View = {
  emptyNote: 'No API keys.',
  isEmpty: (data) => keysOf(data).length === 0,
  grid: (data) => ({
    headers: ['ID', 'DESCRIPTION', 'CREATED', 'EXPIRES'],
    rows: keysOf(data).map((k) => [k.id, k.description, k.creation_date, k.expiration_date ?? '-']),
    keep: [0],
  }),
};
