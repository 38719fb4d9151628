// A deployment given by its 32-character id or its exact name, by the one
// rule (`byIdOrName` in run/resolve.ts). A name costs one search on
// `name.keyword` (ECE's index analyses `name`: a term on it holds tokens, not
// names); the names returned are compared exactly before use.

import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { searchDeployments } from '../../api/deployments.js';
import { byIdOrName, ID } from '../run/resolve.js';

export interface Resolved {
  id: string;
  /** Known when the reference was a name. */
  name?: string;
}

export async function resolveDeployment(api: ApiClient, ref: string): Promise<Resolved> {
  const { id, name } = await byIdOrName<{ id: string; name: string }>(
    {
      noun: 'deployment',
      idPattern: ID,
      candidates: (value) => named(api, value),
      id: (d) => d.id,
      names: (d) => [d.name],
    },
    ref,
  );
  return name === undefined ? { id } : { id, name };
}

async function named(api: ApiClient, value: string): Promise<{ id: string; name: string }[]> {
  const res = await searchDeployments(api, {
    query: { term: { 'name.keyword': { value } } },
    size: 50,
  });
  return parseBody<{ deployments?: { id: string; name: string }[] }>(res).deployments ?? [];
}
