// POST /deployments/_search: a subset of the Elasticsearch query DSL (match_all,
// match_none, term, match, prefix, exists, bool) evaluated over the search
// view of each deployment, with sort, size and a cursor that encodes the
// query and the sort values of the last hit (search_after), so pages never
// overlap.

import { invalid } from './errors.js';

type Doc = Record<string, unknown>;
type Query = Record<string, unknown>;

export interface SearchInput {
  query?: Query;
  sort?: unknown[];
  size?: number;
  cursor?: string;
}

interface CursorState {
  query?: Query;
  sort: SortKey[];
  size: number;
  after: unknown[];
}

interface SortKey {
  field: string;
  desc: boolean;
}

export const DEFAULT_SIZE = 100;
const MAX_SIZE = 10_000;

export function search(
  docs: Doc[],
  input: SearchInput,
): { hits: Doc[]; total: number; cursor?: string } {
  let state: CursorState;
  if (input.cursor) {
    state = decodeCursor(input.cursor);
  } else {
    const size = input.size ?? DEFAULT_SIZE;
    if (!Number.isInteger(size) || size < 0 || size > MAX_SIZE) {
      throw invalid(`size must be between 0 and ${MAX_SIZE}`, ['size']);
    }
    state = {
      ...(input.query ? { query: input.query } : {}),
      sort: sortKeys(input.sort),
      size,
      after: [],
    };
  }
  const matching = docs.filter((d) => (state.query ? matches(state.query, d) : true));
  matching.sort((a, b) => compareDocs(a, b, state.sort));
  const rest = state.after.length
    ? matching.filter((d) => compareValues(sortValues(d, state.sort), state.after, state.sort) > 0)
    : matching;
  const hits = rest.slice(0, state.size);
  const last = hits.at(-1);
  const more = rest.length > hits.length && last !== undefined;
  return {
    hits,
    total: matching.length,
    ...(more ? { cursor: encodeCursor({ ...state, after: sortValues(last, state.sort) }) } : {}),
  };
}

function sortKeys(sort: unknown[] | undefined): SortKey[] {
  const keys: SortKey[] = [];
  for (const s of sort ?? []) {
    if (typeof s === 'string') keys.push({ field: s, desc: false });
    else if (s && typeof s === 'object') {
      for (const [field, spec] of Object.entries(s)) {
        const order = typeof spec === 'string' ? spec : (spec as { order?: unknown })?.order;
        keys.push({ field, desc: order === 'desc' });
      }
    } else throw invalid('sort entries must be field names or objects', ['sort']);
  }
  // id is unique: a stable last key makes cursors exact.
  if (!keys.some((k) => k.field === 'id')) keys.push({ field: 'id', desc: false });
  return keys;
}

function sortValues(d: Doc, keys: SortKey[]): unknown[] {
  return keys.map((k) => values(d, k.field)[0] ?? null);
}

function compareDocs(a: Doc, b: Doc, keys: SortKey[]): number {
  return compareValues(sortValues(a, keys), sortValues(b, keys), keys);
}

function compareValues(a: unknown[], b: unknown[], keys: SortKey[]): number {
  for (let i = 0; i < keys.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const c =
      x === null || x === undefined
        ? -1
        : y === null || y === undefined
          ? 1
          : String(x) < String(y)
            ? -1
            : String(x) > String(y)
              ? 1
              : 0;
    if (c !== 0) return keys[i]?.desc ? -c : c;
  }
  return 0;
}

/** Values at a dotted path, through arrays and through the per-kind resource lists. */
export function values(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const c of current) {
      const items = Array.isArray(c) ? c : [c];
      for (const item of items) {
        if (item && typeof item === 'object' && part in item) next.push((item as Doc)[part]);
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== undefined);
}

export function matches(query: Query, doc: Doc): boolean {
  const entries = Object.entries(query);
  if (entries.length !== 1) throw invalid('a query must have exactly one clause', ['query']);
  const [type, body] = entries[0] as [string, unknown];
  switch (type) {
    case 'match_all':
      return true;
    case 'match_none':
      return false;
    case 'term':
      return fieldClause(body, 'value', (v, want) => String(v) === String(want), doc);
    case 'prefix':
      return fieldClause(
        body,
        'value',
        (v, want) => typeof v === 'string' && v.startsWith(String(want)),
        doc,
      );
    case 'match':
      return fieldClause(body, 'query', (v, want) => tokensMatch(String(v), String(want)), doc);
    case 'exists': {
      const field = (body as { field?: unknown })?.field;
      if (typeof field !== 'string') throw invalid('exists needs a field', ['query.exists.field']);
      return values(doc, field).length > 0;
    }
    case 'bool':
      return boolQuery(body as Record<string, unknown>, doc);
    default:
      throw invalid(`unsupported query type [${type}]`, [`query.${type}`]);
  }
}

function fieldClause(
  body: unknown,
  key: string,
  test: (value: unknown, want: unknown) => boolean,
  doc: Doc,
): boolean {
  if (!body || typeof body !== 'object')
    throw invalid('a field query needs {field: value}', ['query']);
  const entries = Object.entries(body);
  if (entries.length !== 1) throw invalid('a field query needs exactly one field', ['query']);
  const [field, spec] = entries[0] as [string, unknown];
  const want = spec && typeof spec === 'object' ? (spec as Record<string, unknown>)[key] : spec;
  if (want === undefined) throw invalid(`missing ${key} for field [${field}]`, ['query']);
  return values(doc, field).some((v) => test(v, want));
}

function tokensMatch(text: string, query: string): boolean {
  const tokens = (s: string) =>
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const have = new Set(tokens(text));
  return tokens(query).some((t) => have.has(t));
}

function boolQuery(body: Record<string, unknown>, doc: Doc): boolean {
  const list = (k: string): Query[] => {
    const v = body[k];
    if (v === undefined) return [];
    return (Array.isArray(v) ? v : [v]) as Query[];
  };
  const must = [...list('must'), ...list('filter')];
  const should = list('should');
  const mustNot = list('must_not');
  if (!must.every((q) => matches(q, doc))) return false;
  if (mustNot.some((q) => matches(q, doc))) return false;
  if (should.length === 0) return true;
  const min = Number(body.minimum_should_match ?? (must.length ? 0 : 1));
  return should.filter((q) => matches(q, doc)).length >= min;
}

function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decodeCursor(cursor: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
    if (!Array.isArray(state.sort) || !Array.isArray(state.after) || typeof state.size !== 'number')
      throw new Error();
    return state;
  } catch {
    throw invalid('the cursor is not valid', ['cursor']);
  }
}
