// `ece allocators search --query …`: the short syntax of `deployments search`
// where it fits allocators. Terms (ANDed): zone:, healthy:, connected:,
// maintenance:, id:, host:, a dotted field of the allocator (`metadata.key:`
// is not indexed that way: use `list` and --query), a trailing `*` for a
// prefix; they become Query DSL sent to ECE. capacity:, free: and used:
// (memory in MB or with a unit, `>=N`, `<N`, `N..M`) are applied by ece to
// ECE's answer: the specification types a range query's bounds as objects.

import type { Command } from 'commander';
import { searchAllocators } from '../../api/allocators.js';
import { parseBody } from '../../api/body.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { filterOverview, type Predicate, parseFilter } from './filter.js';
import { type Allocator, COLUMNS } from './model.js';

/** ECE answers no cursor for allocators: one page this large holds any installation. */
export const SEARCH_SIZE = 1000;

const FIELDS: Record<string, string> = {
  zone: 'zone_id',
  healthy: 'status.healthy',
  connected: 'status.connected',
  maintenance: 'status.maintenance_mode',
  id: 'allocator_id',
  host: 'public_hostname',
};
const BOOLEAN = new Set(['healthy', 'connected', 'maintenance']);
const LOCAL = new Set(['capacity', 'free', 'used']);

export function register(group: Command, contexts: Contexts): void {
  group
    .command('search')
    .description(
      'Search allocators with a short query (zone:, healthy:, maintenance:, capacity ranges)',
    )
    .addHelpText(
      'after',
      `
--query takes the short syntax here (not JMESPath); terms ANDed: zone:ID, healthy:true|false, connected:true|false,
maintenance:true|false, id:ID, host:NAME (a trailing * matches a prefix),
any dotted field of an allocator (status.connected:false), and memory:
capacity (total), free and used, in MB or with a unit, as capacity:>=64g,
free:>4096 or used:0..8g. Output as \`allocators list\`; --json prints
ECE's body (with a memory term, the allocators ece kept).

Examples:
  $ ece allocators search --query "zone:ece-zone-1 maintenance:false"
  $ ece allocators search --query "healthy:true free:>=16g"
  $ ece allocators search --query "status.connected:false" --json`,
    )
    .action(act(contexts, (ctx) => run(ctx.flags.query, ctx)));
}

export function parseAllocatorQuery(text: string): {
  query: Record<string, unknown>;
  local: Predicate[];
} {
  const terms = text.split(/\s+/).filter(Boolean);
  if (terms.length === 0) throw new UsageError('--query is empty');
  const clauses: Record<string, unknown>[] = [];
  const local: Predicate[] = [];
  for (const t of terms) {
    const colon = t.indexOf(':');
    if (colon <= 0) throw new UsageError(`invalid --query term "${t}": use FIELD:VALUE`);
    const field = t.slice(0, colon);
    const raw = t.slice(colon + 1);
    if (raw === '') throw new UsageError(`invalid --query term "${t}": the value is empty`);
    if (LOCAL.has(field)) {
      const op = /^(>=|<=|>|<)/.exec(raw)?.[1];
      local.push(parseFilter(op ? `${field}${raw}` : `${field}=${raw}`, '--query term'));
      continue;
    }
    const path = FIELDS[field] ?? (field.includes('.') ? field : undefined);
    if (!path)
      throw new UsageError(
        `invalid --query field "${field}" (known: ${[...Object.keys(FIELDS), ...LOCAL].join(', ')}, or a dotted field)`,
      );
    if (BOOLEAN.has(field) && raw !== 'true' && raw !== 'false')
      throw new UsageError(`invalid --query term "${t}": ${field} is true or false`);
    const star = raw.endsWith('*');
    const value = star ? raw.slice(0, -1) : raw;
    if (value.includes('*') || value === '')
      throw new UsageError(`invalid --query term "${t}": only a trailing * is supported`);
    clauses.push(star ? { prefix: { [path]: { value } } } : { term: { [path]: { value } } });
  }
  const query =
    clauses.length === 0
      ? { match_all: {} }
      : clauses.length === 1
        ? (clauses[0] as Record<string, unknown>)
        : { bool: { filter: clauses } };
  return { query, local };
}

export async function run(text: string | undefined, ctx: Context): Promise<void> {
  if (text === undefined) throw new UsageError('--query is required: zone:, healthy:, free:>=8g …');
  const { query, local } = parseAllocatorQuery(text);
  const renderer = await ctx.renderer({ jmespath: false });
  const res = await searchAllocators(await ctx.api(), { query, size: SEARCH_SIZE });
  const view = listView<Allocator>(
    (data) =>
      (data as { zones?: { allocators: Allocator[] }[] }).zones?.flatMap((z) => z.allocators),
    COLUMNS,
    'No allocators match.',
  );
  if (local.length === 0) {
    await renderer.body(res, view);
    return;
  }
  const { stringifyLossless } = await import('../../lossless.js');
  await renderer.body(stringifyLossless(filterOverview(parseBody(res), local)), view);
}
