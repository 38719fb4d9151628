// The deployments index as real ECE maps it, and the query DSL over it.
// `name` is analysed text (lower-cased tokens) with an exact `name.keyword`;
// `resources.<kind>` and `metadata.tags` are nested documents, so a term on
// them outside a `nested` query matches nothing (terraform-provider-ec wraps
// every `resources.*` term in `nested` and queries `name.keyword`). Every
// other field is a keyword: exact, case-sensitive.

import { invalid } from './errors.js';
import { KINDS } from './plans.js';

type Doc = Record<string, unknown>;
export type Query = Record<string, unknown>;

export const NESTED = [...KINDS.map((k) => `resources.${k}`), 'metadata.tags'];
const TEXT = new Set(['name']);

/** Where a query is evaluated: the deployment, or one nested object of it. */
interface Scope {
  root: Doc;
  nested?: { path: string; obj: unknown };
}

/** Lower-cased tokens, as Elasticsearch's standard analyser splits them. */
export function analyse(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}_']+/u)
    .map((t) => t.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** Values at a dotted path, through arrays. */
export function values(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const c of current) {
      for (const item of Array.isArray(c) ? c : [c]) {
        if (item && typeof item === 'object' && part in item) next.push((item as Doc)[part]);
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== undefined);
}

const nestedPathOf = (field: string) => NESTED.find((p) => field.startsWith(`${p}.`));

/** A field's indexed values in a scope: nothing for a nested field outside its nested query. */
function fieldValues(field: string, scope: Scope): unknown[] {
  const path = nestedPathOf(field);
  if (path) {
    if (scope.nested?.path !== path) return [];
    return values(scope.nested.obj, field.slice(path.length + 1));
  }
  if (scope.nested) return [];
  if (field === 'name.keyword') return values(scope.root, 'name');
  return values(scope.root, field);
}

const isText = (field: string) => TEXT.has(field);

export function matches(query: Query, doc: Doc): boolean {
  return evaluate(query, { root: doc });
}

function evaluate(query: Query, scope: Scope): boolean {
  if (!query || typeof query !== 'object' || Array.isArray(query))
    throw invalid('a query must be an object', ['query']);
  const entries = Object.entries(query);
  if (entries.length !== 1) throw invalid('a query must have exactly one clause', ['query']);
  const [type, body] = entries[0] as [string, unknown];
  switch (type) {
    case 'match_all':
      return true;
    case 'match_none':
      return false;
    case 'term':
      return fieldClause(body, 'value', scope, (field, v, want) =>
        isText(field) ? analyse(String(v)).includes(String(want)) : String(v) === String(want),
      );
    case 'prefix':
      return fieldClause(body, 'value', scope, (field, v, want) =>
        isText(field)
          ? analyse(String(v)).some((t) => t.startsWith(String(want)))
          : typeof v === 'string' && v.startsWith(String(want)),
      );
    case 'match': {
      const op = operator(body);
      return fieldClause(body, 'query', scope, (field, v, want) =>
        isText(field) ? tokensMatch(String(v), String(want), op) : String(v) === String(want),
      );
    }
    case 'exists': {
      const field = (body as { field?: unknown })?.field;
      if (typeof field !== 'string') throw invalid('exists needs a field', ['query.exists.field']);
      return fieldValues(field, scope).length > 0;
    }
    case 'range':
      return fieldClause(body, 'gte', scope, () => true, rangeTest(body));
    case 'nested':
      return nested(body, scope);
    case 'bool':
      return boolQuery(body as Record<string, unknown>, scope);
    case 'query_string':
    case 'simple_query_string':
      return evaluate(parseQueryString(body, type), scope);
    default:
      throw invalid(`unsupported query type [${type}]`, [`query.${type}`]);
  }
}

function operator(body: unknown): 'and' | 'or' {
  const spec = body && typeof body === 'object' ? Object.values(body)[0] : undefined;
  const op = spec && typeof spec === 'object' ? (spec as Doc).operator : undefined;
  return String(op).toLowerCase() === 'and' ? 'and' : 'or';
}

function fieldClause(
  body: unknown,
  key: string,
  scope: Scope,
  test: (field: string, value: unknown, want: unknown) => boolean,
  whole?: (value: unknown) => boolean,
): boolean {
  if (!body || typeof body !== 'object')
    throw invalid('a field query needs {field: value}', ['query']);
  const entries = Object.entries(body).filter(([k]) => k !== 'boost');
  if (entries.length !== 1) throw invalid('a field query needs exactly one field', ['query']);
  const [field, spec] = entries[0] as [string, unknown];
  const vals = fieldValues(field, scope);
  if (whole) return vals.some(whole);
  const want = spec && typeof spec === 'object' ? (spec as Doc)[key] : spec;
  if (want === undefined) throw invalid(`missing ${key} for field [${field}]`, ['query']);
  return vals.some((v) => test(field, v, want));
}

function rangeTest(body: unknown): (v: unknown) => boolean {
  const spec = Object.values((body ?? {}) as Doc)[0] as Doc | undefined;
  if (!spec || typeof spec !== 'object') throw invalid('range needs bounds', ['query.range']);
  const cmp = (a: unknown, b: unknown) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a) < String(b)
        ? -1
        : String(a) > String(b)
          ? 1
          : 0;
  return (v) =>
    (spec.gt === undefined || cmp(v, spec.gt) > 0) &&
    (spec.gte === undefined || cmp(v, spec.gte) >= 0) &&
    (spec.lt === undefined || cmp(v, spec.lt) < 0) &&
    (spec.lte === undefined || cmp(v, spec.lte) <= 0);
}

function nested(body: unknown, scope: Scope): boolean {
  const { path, query } = (body ?? {}) as { path?: unknown; query?: unknown };
  if (typeof path !== 'string' || !NESTED.includes(path)) {
    throw invalid(`[nested] failed to find nested object under path [${String(path)}]`, [
      'query.nested.path',
    ]);
  }
  if (!query || typeof query !== 'object') throw invalid('nested needs a query', ['query.nested']);
  if (scope.nested) return false;
  return values(scope.root, path).some((obj) =>
    evaluate(query as Query, { root: scope.root, nested: { path, obj } }),
  );
}

function tokensMatch(text: string, query: string, op: 'and' | 'or'): boolean {
  const have = new Set(analyse(text));
  const want = analyse(query);
  return op === 'and' ? want.every((t) => have.has(t)) : want.some((t) => have.has(t));
}

function boolQuery(body: Record<string, unknown>, scope: Scope): boolean {
  const list = (k: string): Query[] => {
    const v = body[k];
    if (v === undefined) return [];
    return (Array.isArray(v) ? v : [v]) as Query[];
  };
  const must = [...list('must'), ...list('filter')];
  const should = list('should');
  if (!must.every((q) => evaluate(q, scope))) return false;
  if (list('must_not').some((q) => evaluate(q, scope))) return false;
  if (should.length === 0) return true;
  const min = Number(body.minimum_should_match ?? (must.length ? 0 : 1));
  return should.filter((q) => evaluate(q, scope)).length >= min;
}

/**
 * Lucene's query string, the part a person types: `field:value`, bare words
 * (on `name` and `id`), `"phrases"`, a trailing `*`, `AND`/`OR`/`NOT`, `+`/`-`.
 * Parentheses and ranges are refused rather than guessed at.
 */
function parseQueryString(body: unknown, type: string): Query {
  const spec = (body ?? {}) as Doc;
  if (typeof spec.query !== 'string') throw invalid(`${type} needs a query`, [`query.${type}`]);
  const tokens = spec.query.match(/[+-]?(?:[^\s:"]+:)?(?:"[^"]*"|[^\s"]+)/g) ?? [];
  const defaultAnd = String(spec.default_operator ?? 'or').toLowerCase() === 'and';
  const defaultField = typeof spec.default_field === 'string' ? spec.default_field : undefined;
  const clauses: { q: Query; occur: 'must' | 'should' | 'must_not' }[] = [];
  let pending: 'must' | 'must_not' | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i] ?? '';
    if (raw === 'AND' || raw === '&&') {
      const prev = clauses.at(-1);
      if (prev && prev.occur === 'should') prev.occur = 'must';
      pending = pending ?? 'must';
      continue;
    }
    if (raw === 'OR' || raw === '||') continue;
    if (raw === 'NOT' || raw === '!') {
      pending = 'must_not';
      continue;
    }
    if (/[()[\]{}]/.test(raw))
      throw invalid(`${type}: groups and ranges are not supported`, [`query.${type}`]);
    let token = raw;
    let occur: 'must' | 'should' | 'must_not' = pending ?? (defaultAnd ? 'must' : 'should');
    if (token.startsWith('+')) occur = 'must';
    if (token.startsWith('-')) occur = 'must_not';
    token = token.replace(/^[+-]/, '');
    pending = undefined;
    const colon = token.startsWith('"') ? -1 : token.indexOf(':');
    const field = colon > 0 ? token.slice(0, colon) : undefined;
    const value = (colon > 0 ? token.slice(colon + 1) : token).replace(/^"|"$/g, '');
    const fields = field ? [field] : defaultField ? [defaultField] : ['name', 'id'];
    const per = fields.map((f) => stringClause(f, value, token.includes('"')));
    clauses.push({ q: per.length === 1 ? (per[0] as Query) : { bool: { should: per } }, occur });
  }
  if (clauses.length === 0) return { match_none: {} };
  const pick = (o: string) => clauses.filter((c) => c.occur === o).map((c) => c.q);
  const must = pick('must');
  const should = pick('should');
  return {
    bool: {
      must,
      must_not: pick('must_not'),
      should,
      minimum_should_match: must.length || !should.length ? 0 : 1,
    },
  };
}

function stringClause(field: string, value: string, phrase: boolean): Query {
  if (!phrase && value.endsWith('*') && value.length > 1) {
    const stem = value.slice(0, -1);
    return { prefix: { [field]: { value: isText(field) ? stem.toLowerCase() : stem } } };
  }
  if (isText(field))
    return { match: { [field]: { query: value, operator: phrase ? 'and' : 'or' } } };
  return { term: { [field]: { value } } };
}
