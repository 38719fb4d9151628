// The RemoteResources document `remote-clusters set` sends, checked before
// anything is sent: the spec's shape (resources[], each with alias,
// deployment_id, elasticsearch_ref_id, optional skip_unavailable), ECE's
// alias rule, unique aliases, and no unknown field (a typo would otherwise
// be dropped silently). The first problem is an exit 2 naming its JSON path.
// `info` is read-only: a document from `show --json` carries it, so it is
// accepted and left out of the request.

import { UsageError } from '../../../errors.js';

const FIELDS = ['alias', 'deployment_id', 'elasticsearch_ref_id', 'skip_unavailable', 'info'];
const ALIAS = /^[A-Za-z0-9_-]+$/;

export interface RemoteClusterInput {
  alias: string;
  deployment_id: string;
  elasticsearch_ref_id: string;
  skip_unavailable?: boolean;
}

/** The body to send, or a UsageError `<file>: <path>: <problem>`. */
export function checkRemoteResources(
  doc: Record<string, unknown>,
  file: string,
): { resources: RemoteClusterInput[] } {
  const fail = (path: string, problem: string): never => {
    throw new UsageError(`${file}: ${path}: ${problem}`);
  };
  for (const k of Object.keys(doc))
    if (k !== 'resources') fail(`$.${k}`, 'unknown field (expected only "resources")');
  const list = doc.resources;
  if (list === undefined) fail('$.resources', 'missing (an array of remote clusters, or [])');
  if (!Array.isArray(list)) return fail('$.resources', `must be an array, not ${kind(list)}`);
  const aliases = new Map<string, number>();
  const out = list.map((item: unknown, i): RemoteClusterInput => {
    const at = `$.resources[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      return fail(at, `must be an object, not ${kind(item)}`);
    const r = item as Record<string, unknown>;
    for (const k of Object.keys(r))
      if (!FIELDS.includes(k))
        fail(`${at}.${k}`, `unknown field (expected ${FIELDS.slice(0, 4).join(', ')})`);
    for (const k of ['alias', 'deployment_id', 'elasticsearch_ref_id']) {
      if (r[k] === undefined) fail(`${at}.${k}`, 'missing (a string)');
      if (typeof r[k] !== 'string') fail(`${at}.${k}`, `must be a string, not ${kind(r[k])}`);
      if (r[k] === '') fail(`${at}.${k}`, 'must not be empty');
    }
    const alias = r.alias as string;
    if (!ALIAS.test(alias))
      fail(`${at}.alias`, `"${alias}": use only letters, digits, dashes and underscores`);
    const first = aliases.get(alias);
    if (first !== undefined)
      fail(`${at}.alias`, `"${alias}" is already the alias of $.resources[${first}]`);
    aliases.set(alias, i);
    if (r.skip_unavailable !== undefined && typeof r.skip_unavailable !== 'boolean')
      fail(`${at}.skip_unavailable`, `must be true or false, not ${kind(r.skip_unavailable)}`);
    return {
      alias,
      deployment_id: r.deployment_id as string,
      elasticsearch_ref_id: r.elasticsearch_ref_id as string,
      ...(r.skip_unavailable === undefined
        ? {}
        : { skip_unavailable: r.skip_unavailable as boolean }),
    };
  });
  return { resources: out };
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v} ${JSON.stringify(v)}`;
}
