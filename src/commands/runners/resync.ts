// `ece runners resync <runner>` or `--all`: rebuilds ECE's search index (and
// cache) entry of one runner, or of every runner. Changes no runner.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { resyncRunnerRequest, resyncRunnersRequest } from '../../api/runners.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';

interface ResyncFlags {
  all?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('resync')
    .description("Resynchronize a runner's (or, with --all, every runner's) search index entry")
    .argument('[runner]', 'runner id')
    .option('--all', 'every runner')
    .addHelpText(
      'after',
      `
When \`runners search\` and \`runners show\` disagree, the search index is
stale: a resync rebuilds it from the runner's state.

Examples:
  $ ece runners resync 192.168.44.10
  $ ece runners resync --all`,
    )
    .action(
      act(contexts, (ctx, id: string | undefined, flags: ResyncFlags) => run(id, flags, ctx)),
    );
}

interface Results {
  results?: Record<string, { updated?: unknown[]; errors?: unknown[] }>;
}

export async function run(id: string | undefined, flags: ResyncFlags, ctx: Context): Promise<void> {
  if (flags.all && id !== undefined)
    throw new UsageError('--all cannot be combined with a runner id');
  if (!flags.all && id === undefined) throw new UsageError('give a runner id, or --all');
  const api = await ctx.api();
  const write = id === undefined ? resyncRunnersRequest() : resyncRunnerRequest(id);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  if (id !== undefined) {
    ctx.io.stderr.write(`Resynchronized runner ${id}.\n`);
    return;
  }
  const results = Object.values(parseBody<Results>(res).results ?? {});
  const count = (k: 'updated' | 'errors') =>
    results.reduce((n, r) => n + (Array.isArray(r[k]) ? r[k].length : 0), 0);
  ctx.io.stderr.write(
    `Resynchronizing every runner: ${count('updated')} updated, ${count('errors')} errors.\n`,
  );
}
