// `ece runners search`: the short syntax (--query, as in deployments
// search) or Query DSL from a file, shown as `runners list` shows runners.
// RunnerOverview has no cursor: one answer of up to --size runners.

import type { Command } from 'commander';
import { searchRunners } from '../../api/runners.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { columns, type Runner } from './columns.js';
import { parseRunnerQuery, RUNNER_QUERY_FIELDS } from './query.js';

interface SearchFlags {
  file?: string;
  size?: string;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('search')
    .description('Find runners by id, host, zone, role or health')
    .option(
      '-f, --file <file>',
      'Query DSL (a search request or a query), JSON or YAML (- for stdin)',
    )
    .option('--size <n>', 'at most this many runners (default 100)')
    .addHelpText(
      'after',
      `
--query takes the short syntax here (not JMESPath): terms ANDed, each
field:value (exact) or field:prefix* (starts with); a bare word is a runner
id or host name. Quote values with spaces. Without --query or -f every runner
matches. Fields: ${RUNNER_QUERY_FIELDS.join(', ')}.

Examples:
  $ ece runners search --query 'role:allocator zone:ece-zone-1'
  $ ece runners search --query 'healthy:false'
  $ ece runners search --query 'host:ece-host-*' --json | jq '.runners | length'
  $ ece runners search -f query.json`,
    )
    .action(act(contexts, (ctx, flags: SearchFlags) => run(flags, ctx)));
}

export async function run(flags: SearchFlags, ctx: Context): Promise<void> {
  const text = ctx.flags.query;
  if (text !== undefined && flags.file)
    throw new UsageError('--query and -f cannot be used together');
  const size = flags.size === undefined ? undefined : Number(flags.size);
  if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 10_000))
    throw new UsageError(`invalid --size "${flags.size}": use a number from 1 to 10000`);
  let request: Record<string, unknown> = {};
  if (flags.file) {
    const doc = await readDocument(ctx.io, flags.file);
    request = ['query', 'sort', 'size', 'from'].some((k) => k in doc) ? doc : { query: doc };
  } else if (text !== undefined) {
    request = { query: parseRunnerQuery(text) };
  }
  if (size !== undefined) request.size = size;
  const renderer = await ctx.renderer({ jmespath: false });
  const res = await searchRunners(await ctx.api(), request);
  await renderer.body(
    res,
    listView<Runner>(
      (data) => (data as { runners?: Runner[] }).runners,
      columns,
      'No runners match.',
    ),
  );
}
