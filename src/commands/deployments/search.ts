// `ece deployments search`: a small query syntax or raw Query DSL, one page or
// --all pages (following the cursor on a stable sort), shown as in `list`.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { searchDeployments } from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import type { Context } from '../../context.js';
import { ResponseError, UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { grid } from './list.js';
import { parseQuery, QUERY_FIELDS } from './query.js';

export interface SearchFlags {
  file?: string;
  size?: string;
  all?: boolean;
}

export function register(group: Command, ctx: Context): void {
  group
    .command('search')
    .description('Find deployments by name, id, region, status or any field')
    .option(
      '-f, --file <file>',
      'Query DSL (a search request or a query), JSON or YAML (- for stdin)',
    )
    .option('--size <n>', 'results per page (default 100)')
    .option('--all', 'follow the cursor through every page')
    .addHelpText(
      'after',
      `
--query takes the short syntax here (not JMESPath): terms ANDed, each
field:value (exact), field:prefix* (starts with), or a bare word (matches the
name). Fields: ${QUERY_FIELDS.join(', ')}, or any dotted field of a deployment
(resources.kibana.info.status). Quote values with spaces: name:"my logs".

Examples:
  $ ece deployments search --query 'name:prod*'
  $ ece deployments search --query 'region:ece-region healthy:false' --all
  $ ece deployments search -f query.json --all --json | jq '.deployments | length'`,
    )
    .action((flags: SearchFlags) => run(flags, ctx));
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
  const first = await searchDeployments(api, request);
  if (!flags.all) {
    await renderer.body(first.text, view);
    return;
  }
  const page = (text: string) =>
    check(parseBody<unknown>({ status: 200, headers: {}, text, url: '' }));
  let body = page(first.text);
  const all = [...body.deployments];
  const seen = new Set<string>();
  while (body.cursor && body.deployments.length > 0 && !seen.has(body.cursor)) {
    seen.add(body.cursor);
    body = page((await searchDeployments(api, { cursor: body.cursor })).text);
    all.push(...body.deployments);
  }
  const merged = {
    return_count: all.length,
    match_count: body.match_count ?? all.length,
    deployments: all,
  };
  await renderer.body(JSON.stringify(merged), view);
}

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
  grid: (data: unknown, format: 'table' | 'tsv') => {
    const hits = check(data).deployments;
    const system = new Set(hits.filter((h) => h.metadata?.system_owned === true).map((h) => h.id));
    return grid(
      hits.map((h) => ({
        id: h.id,
        name: h.name,
        resources: KINDS.flatMap((kind) =>
          (h.resources?.[kind] ?? []).map((r) => ({ ...r, kind })),
        ),
      })),
      format,
      system,
    );
  },
};
