// `ece deployments search`: a small query syntax or raw Query DSL, one page or
// --all pages (following the cursor on a stable sort), shown as in `list`.

import type { Command } from 'commander';
import { type SearchHit, searchDeployments } from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import { atLeast, CURSOR_SINCE } from '../../api/versions.js';
import type { Context } from '../../context.js';
import { ResponseError, UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { act, type Contexts } from '../action.js';
import { installationVersion } from '../platform-version.js';
import { grid } from './list.js';
import { parseQuery, QUERY_FIELDS } from './query.js';

export interface SearchFlags {
  file?: string;
  size?: string;
  all?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('search')
    .description('Find deployments by name, id, region, status or any field')
    .option(
      '-f, --file <file>',
      'Query DSL (a search request or a query), JSON or YAML (- for stdin)',
    )
    .option('--size <n>', 'results per page (default 100)')
    .option('--all', 'every page: the cursor (ECE 3.8+), else from/size')
    .addHelpText(
      'after',
      `
--query takes the short syntax here (not JMESPath): terms ANDed, each
field:value (exact) or field:prefix* (starts with); a bare word matches the
words of the name. name: is the exact, case-sensitive name. status:,
region: and version: match a resource of any kind; qualify them for one kind
(es.status:started, kibana.region:us-east); kind:kibana has a Kibana; any
dotted field works too (resources.kibana.info.status:stopped). Quote values
with spaces: name:"my logs". See docs/deployments.md for the queries sent.
Fields: ${QUERY_FIELDS.join(', ')}.

Examples:
  $ ece deployments search --query 'name:prod*'
  $ ece deployments search --query 'region:ece-region healthy:false' --all
  $ ece deployments search --query 'es.status:stopped kind:kibana'
  $ ece deployments search -f query.json --all --json | jq '.deployments | length'`,
    )
    .action(act(contexts, (ctx, flags: SearchFlags) => run(flags, ctx)));
}

export async function run(flags: SearchFlags, ctx: Context): Promise<void> {
  const text = ctx.flags.query;
  if (text !== undefined && flags.file)
    throw new UsageError('--query and -f cannot be used together');
  const size = flags.size === undefined ? undefined : Number(flags.size);
  if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 10_000)) {
    throw new UsageError(`invalid --size "${flags.size}": use a number from 1 to 10000`);
  }
  let request: Record<string, unknown> = {};
  if (flags.file) {
    const doc = await readDocument(ctx.io, flags.file);
    request = ['query', 'sort', 'size', 'cursor', 'from'].some((k) => k in doc)
      ? doc
      : { query: doc };
  } else if (text !== undefined) {
    request = { query: parseQuery(text) };
  }
  if (size !== undefined) request.size = size;
  if (flags.all) {
    delete request.cursor;
    // A unique last sort key makes the cursor exact.
    const sort = Array.isArray(request.sort) ? request.sort : [];
    const hasId = sort.some(
      (s) => s === 'id' || (typeof s === 'object' && s !== null && 'id' in s),
    );
    request.sort = hasId ? sort : [...sort, { id: { order: 'asc' } }];
  }
  const renderer = await ctx.renderer({ jmespath: false });
  const api = await ctx.api();
  if (!flags.all) {
    await renderer.body(await searchDeployments(api, request), view);
    return;
  }
  // ECE before 3.8 sends no cursor: then page with from/size from the start.
  const version = await installationVersion(ctx, api);
  const cursors = version === undefined || atLeast(version, CURSOR_SINCE);
  const { pages } = await import('../../api/pager.js');
  const all: unknown[] = [];
  let total: unknown;
  const stream = pages(
    api,
    { path: '/deployments/_search', body: request },
    {
      mode: cursors ? 'cursor' : 'from',
      items: (data) => check(data).deployments.length,
      maxWindow: MAX_RESULT_WINDOW,
      onTruncated: (seen, matches) =>
        ctx.warn(
          `stopped after ${seen} of ${matches ?? 'more'} matching deployments (match_count): without a search cursor (ECE ${CURSOR_SINCE}+${version ? `; this is ${version}` : ''}) ECE pages no deeper than ${MAX_RESULT_WINDOW}; narrow the query`,
        ),
    },
  );
  for await (const page of stream) {
    all.push(...check(page.data).deployments);
    total = page.data.match_count;
  }
  const { stringifyLossless } = await import('../../lossless.js');
  const merged = { return_count: all.length, match_count: total ?? all.length, deployments: all };
  await renderer.body(stringifyLossless(merged), view);
}

/** Elasticsearch's index.max_result_window: from + size may not pass it. */
const MAX_RESULT_WINDOW = 10_000;

interface Hit {
  id: string;
  name: string;
  resources: Record<string, { ref_id: string; id: string; region: string }[]>;
  metadata?: { system_owned?: boolean };
}
interface Page {
  deployments: Hit[];
  cursor?: string;
  match_count?: number;
}

function check(data: unknown): Page {
  const d = data as Partial<Page> | null;
  if (!d || !Array.isArray(d.deployments))
    throw new ResponseError('unexpected response from ECE: not a search result');
  return d as Page;
}

const view = {
  emptyNote: 'No deployments match.',
  isEmpty: (data: unknown) => check(data).deployments.length === 0,
  // The hits carry status, health and versions: shown as `list` shows them.
  grid: (data: unknown, format: 'table' | 'tsv', opts?: { wide: boolean }) => {
    const hits = check(data).deployments;
    return grid(
      hits.map((h) => ({
        id: h.id,
        name: h.name,
        resources: KINDS.flatMap((kind) =>
          (h.resources?.[kind] ?? []).map((r) => ({ ...r, kind })),
        ),
      })),
      format,
      new Map(hits.map((h) => [h.id, h as SearchHit])),
      opts,
    );
  },
};
