// The short search syntax of `ece deployments search --search` (and the old `--query`), turned into
// Query DSL that holds against ECE's real deployments index: `name` is
// analysed text with an exact `name.keyword`; every `resources.<kind>` and
// `metadata.tags` is nested, so a term on them needs a `nested` query.

import { KINDS } from '../../api/kinds.js';
import { UsageError } from '../../errors.js';

type Query = Record<string, unknown>;

/** Short names for a kind in qualified fields (`es.status:started`). */
const KIND_ALIASES: Record<string, string> = {
  es: 'elasticsearch',
  kb: 'kibana',
  integrations: 'integrations_server',
  ent: 'enterprise_search',
};

/** Fields every resource kind has: where each lives below `resources.<kind>`. */
const RESOURCE_FIELDS: Record<string, (kind: string) => string> = {
  status: () => 'info.status',
  region: () => 'region',
  version: (kind) => `info.plan_info.current.plan.${kind}.version`,
  healthy: () => 'info.healthy',
};

/** Deployment-level fields: exact terms on keyword fields. */
const TOP_FIELDS: Record<string, string> = {
  id: 'id',
  alias: 'alias',
  // The deployment's own health: false as soon as any resource of any kind is unhealthy.
  healthy: 'healthy',
};

export const QUERY_FIELDS = [
  'name',
  'id',
  'alias',
  'healthy',
  'status',
  'region',
  'version',
  'kind',
  'KIND.status|region|version|healthy',
];

const NESTED_ROOTS = ['metadata.tags'];

/** `name:prod* region:ece-region logs` → Query DSL (terms ANDed). */
export function parseQuery(text: string, flag = '--query'): Query {
  const terms = tokenize(text, flag);
  if (terms.length === 0) throw new UsageError(`${flag} is empty`);
  const clauses = terms.map((t) => clause(t, flag));
  return clauses.length === 1 ? (clauses[0] as Query) : { bool: { filter: clauses } };
}

function clause(t: string, flag: string): Query {
  const colon = t.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const field = colon > 0 ? t.slice(0, colon) : undefined;
  const raw = unquote(colon > 0 ? t.slice(colon + 1) : t);
  if (raw === '') throw new UsageError(`invalid ${flag} term "${t}": the value is empty`);
  const star = raw.endsWith('*');
  const value = star ? raw.slice(0, -1) : raw;
  if (value.includes('*') || value === '')
    throw new UsageError(`invalid ${flag} term "${t}": only a trailing * is supported`);
  const leaf = (path: string): Query =>
    star ? { prefix: { [path]: { value } } } : { term: { [path]: { value } } };

  // A bare word is searched like ECE's own UI: analysed, on the name.
  if (field === undefined) return { match: { name: { query: raw, operator: 'and' } } };
  if (field === 'name') return leaf('name.keyword');
  if (field === 'kind') {
    const kind = kindOf(value, t, flag);
    return nested(`resources.${kind}`, { exists: { field: `resources.${kind}.id` } });
  }
  if (field === 'healthy') checkBoolean(value, t, flag);
  const top = TOP_FIELDS[field];
  if (top) return leaf(top);
  const any = RESOURCE_FIELDS[field];
  if (any) {
    // Some resource, of any kind, has it.
    return {
      bool: {
        should: KINDS.map((kind) =>
          nested(`resources.${kind}`, leaf(`resources.${kind}.${any(kind)}`)),
        ),
        minimum_should_match: 1,
      },
    };
  }
  const dot = field.indexOf('.');
  if (dot > 0) {
    const head = field.slice(0, dot);
    const rest = field.slice(dot + 1);
    const kind =
      KIND_ALIASES[head] ?? ((KINDS as readonly string[]).includes(head) ? head : undefined);
    const sub = kind ? RESOURCE_FIELDS[rest] : undefined;
    if (kind && sub) {
      if (rest === 'healthy') checkBoolean(value, t, flag);
      return nested(`resources.${kind}`, leaf(`resources.${kind}.${sub(kind)}`));
    }
    // Any dotted field of a deployment; below a nested root it needs its nested query.
    const path = nestedPath(field);
    return path ? nested(path, leaf(field)) : leaf(field);
  }
  throw new UsageError(
    `invalid ${flag} field "${field}" (known: ${QUERY_FIELDS.join(', ')}, or a dotted field)`,
  );
}

function nested(path: string, query: Query): Query {
  return { nested: { path, query } };
}

function nestedPath(field: string): string | undefined {
  const m = /^resources\.([a-z_]+)\./.exec(field);
  if (m) return `resources.${m[1]}`;
  return NESTED_ROOTS.find((root) => field.startsWith(`${root}.`));
}

function kindOf(value: string, t: string, flag: string): string {
  const kind = KIND_ALIASES[value] ?? value;
  if (!(KINDS as readonly string[]).includes(kind))
    throw new UsageError(`invalid ${flag} term "${t}": the kind is one of ${KINDS.join(', ')}`);
  return kind;
}

function checkBoolean(value: string, t: string, flag: string): void {
  if (value !== 'true' && value !== 'false')
    throw new UsageError(`invalid ${flag} term "${t}": healthy is true or false`);
}

/** Terms split at white space outside double quotes (the quotes stay). */
export function tokenize(text: string, flag = '--query'): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      if (current) out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (quoted) throw new UsageError(`invalid ${flag}: a quote is not closed`);
  if (current) out.push(current);
  return out;
}

function unquote(v: string): string {
  return v.replace(/^"(.*)"$/, '$1');
}
