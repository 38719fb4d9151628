// The short search syntax of `ece runners search --search` (and the old `--query`), as Query DSL on
// the runners index: terms ANDed, each field:value (exact) or field:prefix*;
// a bare word is a runner id or a host name (or their start, with *).

import { UsageError } from '../../errors.js';
import { tokenize } from '../deployments/query.js';

type Query = Record<string, unknown>;

const FIELDS: Record<string, string> = {
  id: 'runner_id',
  host: 'public_hostname',
  ip: 'host_ip',
  zone: 'zone',
  region: 'region',
  role: 'roles.role_name',
  connected: 'connected',
  healthy: 'healthy',
};

export const RUNNER_QUERY_FIELDS = Object.keys(FIELDS);

export function parseRunnerQuery(text: string, flag = '--search'): Query {
  const terms = tokenize(text);
  if (terms.length === 0) throw new UsageError(`${flag} is empty`);
  const clauses = terms.map((t) => clause(t, flag));
  return clauses.length === 1 ? (clauses[0] as Query) : { bool: { filter: clauses } };
}

function clause(t: string, flag: string): Query {
  const colon = t.indexOf(':');
  const field = colon > 0 && !t.startsWith('"') ? t.slice(0, colon) : undefined;
  const raw = (field === undefined ? t : t.slice(colon + 1)).replace(/^"(.*)"$/, '$1');
  if (raw === '') throw new UsageError(`invalid ${flag} term "${t}": the value is empty`);
  const star = raw.endsWith('*');
  const value = star ? raw.slice(0, -1) : raw;
  if (value === '' || value.includes('*'))
    throw new UsageError(`invalid ${flag} term "${t}": only a trailing * is supported`);
  const leaf = (path: string): Query =>
    star ? { prefix: { [path]: { value } } } : { term: { [path]: { value } } };
  if (field === undefined)
    return {
      bool: { should: [leaf('runner_id'), leaf('public_hostname')], minimum_should_match: 1 },
    };
  const path = FIELDS[field];
  if (!path)
    throw new UsageError(
      `invalid ${flag} field "${field}" (known: ${RUNNER_QUERY_FIELDS.join(', ')})`,
    );
  if ((field === 'connected' || field === 'healthy') && value !== 'true' && value !== 'false')
    throw new UsageError(`invalid ${flag} term "${t}": ${field} is true or false`);
  return leaf(path);
}
