// `ece allocators search --search …`: the short syntax of `deployments search`
// where it fits allocators. Terms (ANDed): zone:, healthy:, connected:,
// maintenance:, id:, host:, a dotted field of the allocator (`metadata.key:`
// is not indexed that way: use `list` and --query), a trailing `*` for a
// prefix; they become Query DSL sent to ECE. capacity:, free: and used:
// (memory in MB or with a unit, `>=N`, `<N`, `N..M`) are applied by ece to
// ECE's answer: the specification types a range query's bounds as objects.

import { searchAllocators } from '../../api/allocators.js';
import { parseBody } from '../../api/body.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { listView } from '../../output/views.js';
import { legacySearch } from '../run/legacy-query.js';
import { defineVerb, type Plan } from '../run/types.js';
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

export const verb = defineVerb<{ search?: string }>({
  effect: 'read',
  options: [{ flags: '--search <terms>', description: 'the short search syntax (below)' }],
  description: `--search takes the short syntax; terms ANDed: zone:ID, healthy:true|false,
connected:true|false, maintenance:true|false, id:ID, host:NAME (a trailing *
matches a prefix), any dotted field of an allocator (status.connected:false),
and memory: capacity (total), free and used, in MB or with a unit, as
capacity:>=64g, free:>4096 or used:0..8g. Without --search every allocator
matches. Output as \`allocators list\`; --json prints ECE's body (with a
memory term, the allocators ece kept).
--query is JMESPath, as everywhere. The short syntax given to --query (not
JMESPath) still runs for now, with a warning: use --search.`,
  examples: [
    'ece allocators search --search "zone:ece-zone-1 maintenance:false"',
    'ece allocators search --search "healthy:true free:>=16g"',
    'ece allocators search --search "status.connected:false" --json',
    "ece allocators search --search healthy:false --query 'zones[].allocators[].allocator_id'",
  ],
  plan: (input, ctx) => plan(input.search, ctx),
});

export function parseAllocatorQuery(
  text: string,
  flag = '--search',
): {
  query: Record<string, unknown>;
  local: Predicate[];
} {
  const terms = text.split(/\s+/).filter(Boolean);
  if (terms.length === 0) throw new UsageError(`${flag} is empty`);
  const clauses: Record<string, unknown>[] = [];
  const local: Predicate[] = [];
  for (const t of terms) {
    const colon = t.indexOf(':');
    if (colon <= 0) throw new UsageError(`invalid ${flag} term "${t}": use FIELD:VALUE`);
    const field = t.slice(0, colon);
    const raw = t.slice(colon + 1);
    if (raw === '') throw new UsageError(`invalid ${flag} term "${t}": the value is empty`);
    if (LOCAL.has(field)) {
      const op = /^(>=|<=|>|<)/.exec(raw)?.[1];
      local.push(parseFilter(op ? `${field}${raw}` : `${field}=${raw}`, `${flag} term`));
      continue;
    }
    const path = FIELDS[field] ?? (field.includes('.') ? field : undefined);
    if (!path)
      throw new UsageError(
        `invalid ${flag} field "${field}" (known: ${[...Object.keys(FIELDS), ...LOCAL].join(', ')}, or a dotted field)`,
      );
    if (BOOLEAN.has(field) && raw !== 'true' && raw !== 'false')
      throw new UsageError(`invalid ${flag} term "${t}": ${field} is true or false`);
    const star = raw.endsWith('*');
    const value = star ? raw.slice(0, -1) : raw;
    if (value.includes('*') || value === '')
      throw new UsageError(`invalid ${flag} term "${t}": only a trailing * is supported`);
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

async function plan(search: string | undefined, ctx: Context): Promise<Plan> {
  const legacy = await legacySearch(ctx);
  if (legacy !== undefined && search !== undefined)
    throw new UsageError('--query with the search syntax and --search cannot be used together');
  const { query, local } =
    search !== undefined
      ? parseAllocatorQuery(search, '--search')
      : legacy !== undefined
        ? parseAllocatorQuery(legacy, '--query')
        : { query: { match_all: {} }, local: [] };
  const res = await searchAllocators(await ctx.api(), { query, size: SEARCH_SIZE });
  const view = listView<Allocator>(
    (data) =>
      (data as { zones?: { allocators: Allocator[] }[] }).zones?.flatMap((z) => z.allocators),
    COLUMNS,
    'No allocators match.',
  );
  const jmespath = legacy === undefined ? {} : { jmespath: false as const };
  if (local.length === 0) return { ...jmespath, output: { body: res, view } };
  const { stringifyLossless } = await import('../../lossless.js');
  return {
    ...jmespath,
    output: { body: stringifyLossless(filterOverview(parseBody(res), local)), view },
  };
}
