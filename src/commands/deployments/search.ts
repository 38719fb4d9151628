// `ece deployments search`: the short search syntax (--search) or raw Query DSL, one page or
// --all pages (following the cursor on a stable sort), shown as in `list`.

import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { type SearchHit, searchDeployments } from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import { atLeast, CURSOR_SINCE } from '../../api/versions.js';
import type { Context } from '../../context.js';
import { ResponseError, UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { installationVersion } from '../platform-version.js';
import { DEPRECATED_QUERY, oldSearchQuery } from '../run/legacy-query.js';
import { defineVerb, type Plan } from '../run/types.js';
import { grid } from './list.js';
import { parseQuery, QUERY_FIELDS } from './query.js';

export interface SearchInput {
  file?: string;
  search?: string;
  size?: string;
  all?: boolean;
}

export const verb = defineVerb<SearchInput>({
  effect: 'read',
  options: [
    {
      flags: '-f, --file <file>',
      description: 'Query DSL (a search request or a query), JSON or YAML (- for stdin)',
    },
    { flags: '--search <terms>', description: 'the short search syntax (below)' },
    { flags: '--size <n>', description: 'results per page (default 100)' },
    { flags: '--all', description: 'every page: the cursor (ECE 3.8+), else from/size' },
  ],
  exclusive: [['file', 'search']],
  description: `--search takes the short syntax: terms ANDed, each field:value (exact) or
field:prefix* (starts with); a bare word matches the words of the name. name:
is the exact, case-sensitive name. status:, region: and version: match a
resource of any kind; qualify them for one kind (es.status:started,
kibana.region:us-east); kind:kibana has a Kibana; any dotted field works too
(resources.kibana.info.status:stopped). Quote values with spaces: name:"my
logs". See docs/deployments.md for the queries sent.
Fields: ${QUERY_FIELDS.join(', ')}.
--query is JMESPath, as everywhere. The short syntax given to --query (not
JMESPath) still runs for now, with a warning: use --search.
On a terminal, a page that holds fewer deployments than match says so on
stderr ("N of M shown; --all for every page").`,
  examples: [
    "ece deployments search --search 'name:prod*'",
    "ece deployments search --search 'region:ece-region healthy:false' --all",
    "ece deployments search --search 'es.status:stopped kind:kibana'",
    "ece deployments search --query 'deployments[].id'",
    "ece deployments search -f query.json --all --json | jq '.deployments | length'",
  ],
  plan: (input, ctx) => plan(input, ctx),
});

async function plan(input: SearchInput, ctx: Context): Promise<Plan> {
  // The old use of --query, the short syntax, kept working for a while
  // (the rule is run/legacy-query.ts's, shared with the other search verbs).
  const old = await oldSearchQuery(ctx);
  const legacy = old === undefined ? undefined : parseQuery(old, '--query');
  if (legacy !== undefined && input.file)
    throw new UsageError('--query with the search syntax and -f cannot be used together');
  if (legacy !== undefined && input.search !== undefined)
    throw new UsageError('--query with the search syntax and --search cannot be used together');
  const size = input.size === undefined ? undefined : Number(input.size);
  if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 10_000)) {
    throw new UsageError(`invalid --size "${input.size}": use a number from 1 to 10000`);
  }
  let request: Record<string, unknown> = {};
  if (input.file) {
    const doc = await readDocument(ctx.io, input.file);
    request = ['query', 'sort', 'size', 'cursor', 'from'].some((k) => k in doc)
      ? doc
      : { query: doc };
  } else if (input.search !== undefined) {
    request = { query: parseQuery(input.search, '--search') };
  } else if (legacy !== undefined) {
    request = { query: legacy };
    ctx.warn(DEPRECATED_QUERY);
  }
  if (size !== undefined) request.size = size;
  const jmespath = legacy === undefined ? undefined : (false as const);
  const api = await ctx.api();
  if (!input.all) {
    const res = await searchDeployments(api, request);
    const page = check(parseBody<unknown>(res));
    const total = typeof page.match_count === 'number' ? page.match_count : undefined;
    const cut = total !== undefined && total > page.deployments.length && ctx.io.stderrIsTTY;
    return {
      jmespath,
      output: { body: res, view },
      ...(cut
        ? { done: `${page.deployments.length} of ${total} shown; --all for every page` }
        : {}),
    };
  }
  return { jmespath, output: { body: await every(api, request, ctx), view } };
}

/** Every page (following the cursor on a stable sort), merged into one search result. */
async function every(
  api: ApiClient,
  request: Record<string, unknown>,
  ctx: Context,
): Promise<string> {
  delete request.cursor;
  // A unique last sort key makes the cursor exact.
  const sort = Array.isArray(request.sort) ? request.sort : [];
  const hasId = sort.some((s) => s === 'id' || (typeof s === 'object' && s !== null && 'id' in s));
  request.sort = hasId ? sort : [...sort, { id: { order: 'asc' } }];
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
  return stringifyLossless({
    return_count: all.length,
    match_count: total ?? all.length,
    deployments: all,
  });
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
