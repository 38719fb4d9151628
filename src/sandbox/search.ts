// POST /deployments/_search: the query DSL of query.ts evaluated over the
// search view of each deployment, with from, size, sort (by default ECE's:
// rank, then last modified date descending; every hit ranks the same here)
// and a cursor that encodes the query and the sort values of the last hit
// (search_after), so pages never overlap.

import { invalid } from './errors.js';
import { matches, type Query, values } from './query.js';

type Doc = Record<string, unknown>;

export interface SearchInput {
  query?: Query;
  sort?: unknown[];
  size?: number;
  from?: number;
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
  const from = input.cursor ? 0 : (input.from ?? 0);
  if (!Number.isInteger(from) || from < 0) throw invalid('from must be 0 or more', ['from']);
  const matching = docs.filter((d) => (state.query ? matches(state.query, d) : true));
  matching.sort((a, b) => compareDocs(a, b, state.sort));
  const rest = state.after.length
    ? matching.filter((d) => compareValues(sortValues(d, state.sort), state.after, state.sort) > 0)
    : matching;
  const hits = rest.slice(from, from + state.size);
  const last = hits.at(-1);
  const more = rest.length > from + hits.length && last !== undefined;
  return {
    hits,
    total: matching.length,
    ...(more ? { cursor: encodeCursor({ ...state, after: sortValues(last, state.sort) }) } : {}),
  };
}

const DEFAULT_SORT: SortKey[] = [{ field: 'metadata.last_modified', desc: true }];

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
  for (const k of keys) {
    if (k.field === 'name') {
      // As Elasticsearch answers for a text field without fielddata.
      throw invalid(
        'Text fields are not optimised for sorting: sort on [name.keyword] instead of [name]',
        ['sort'],
      );
    }
  }
  if (keys.length === 0 || keys.every((k) => k.field === '_score')) keys.push(...DEFAULT_SORT);
  // id is unique: a stable last key makes cursors exact.
  if (!keys.some((k) => k.field === 'id')) keys.push({ field: 'id', desc: false });
  return keys;
}

function sortValues(d: Doc, keys: SortKey[]): unknown[] {
  return keys.map((k) =>
    k.field === '_score'
      ? 1
      : (values(d, k.field === 'name.keyword' ? 'name' : k.field)[0] ?? null),
  );
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
