// `ece runners search`: the short syntax (--search, as in deployments
// search) or Query DSL from a file, shown as `runners list` shows runners.
// RunnerOverview has no cursor: one answer of up to --size runners.

import { searchRunners } from '../../api/runners.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { legacySearch } from '../run/legacy-query.js';
import { defineVerb } from '../run/types.js';
import { runnersView } from './list.js';
import { parseRunnerQuery, RUNNER_QUERY_FIELDS } from './query.js';

export const verb = defineVerb<{ file?: string; search?: string; size?: string }>({
  effect: 'read',
  options: [
    {
      flags: '-f, --file <file>',
      description: 'Query DSL (a search request or a query), JSON or YAML (- for stdin)',
    },
    { flags: '--search <terms>', description: 'the short search syntax (below)' },
    { flags: '--size <n>', description: 'at most this many runners (default 100)' },
  ],
  exclusive: [['file', 'search']],
  description: `--search takes the short syntax: terms ANDed, each field:value (exact) or
field:prefix* (starts with); a bare word is a runner id or host name. Quote
values with spaces. Without --search or -f every runner matches.
Fields: ${RUNNER_QUERY_FIELDS.join(', ')}.
--query is JMESPath, as everywhere. The short syntax given to --query (not
JMESPath) still runs for now, with a warning: use --search.`,
  examples: [
    "ece runners search --search 'role:allocator zone:ece-zone-1'",
    "ece runners search --search 'healthy:false'",
    "ece runners search --search 'host:ece-host-*' --query 'runners[].runner_id'",
    'ece runners search -f query.json',
  ],
  input(raw) {
    const input = raw as { file?: string; search?: string; size?: string };
    const size = input.size === undefined ? undefined : Number(input.size);
    if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 10_000))
      throw new UsageError(`invalid --size "${input.size}": use a number from 1 to 10000`);
    return input;
  },
  async plan(input, ctx) {
    const legacy = await legacySearch(ctx);
    if (legacy !== undefined && input.file)
      throw new UsageError('--query with the search syntax and -f cannot be used together');
    if (legacy !== undefined && input.search !== undefined)
      throw new UsageError('--query with the search syntax and --search cannot be used together');
    let request: Record<string, unknown> = {};
    if (input.file) {
      const doc = await readDocument(ctx.io, input.file);
      request = ['query', 'sort', 'size', 'from'].some((k) => k in doc) ? doc : { query: doc };
    } else if (input.search !== undefined) {
      request = { query: parseRunnerQuery(input.search, '--search') };
    } else if (legacy !== undefined) {
      request = { query: parseRunnerQuery(legacy, '--query') };
    }
    if (input.size !== undefined) request.size = Number(input.size);
    const res = await searchRunners(await ctx.api(), request);
    return {
      ...(legacy === undefined ? {} : { jmespath: false as const }),
      output: { body: res, view: runnersView('No runners match.') },
    };
  },
});
