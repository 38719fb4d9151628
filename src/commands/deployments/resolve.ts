// A deployment given by its 32-character id or its exact name. A name costs
// one search on `name.keyword` (ECE's index analyses `name`: a term on it
// holds tokens, not names); the names returned are compared exactly before
// use. No match is exit 3, several are exit 2 with their ids.

import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { searchDeployments } from '../../api/deployments.js';
import { CliError, ExitCode, UsageError } from '../../errors.js';

export const ID = /^[0-9a-f]{32}$/;

export interface Resolved {
  id: string;
  /** Known when the reference was a name. */
  name?: string;
}

export async function resolveDeployment(api: ApiClient, ref: string): Promise<Resolved> {
  const value = ref.trim();
  if (value === '') throw new UsageError('the deployment id or name is empty');
  if (ID.test(value)) return { id: value };
  const matches = await named(api, value);
  if (matches.length === 0) {
    throw new CliError(
      `no deployment is named "${value}" (give its 32-character id or exact name)`,
      ExitCode.NOT_FOUND,
    );
  }
  if (matches.length > 1) {
    throw new UsageError(
      `${matches.length} deployments are named "${value}"; give one of their ids: ${matches.map((d) => d.id).join(', ')}`,
    );
  }
  const [only] = matches;
  return { id: only?.id ?? '', name: value };
}

async function named(api: ApiClient, value: string): Promise<{ id: string; name: string }[]> {
  const res = await searchDeployments(api, {
    query: { term: { 'name.keyword': { value } } },
    size: 50,
  });
  const body = parseBody<{ deployments?: { id: string; name: string }[] }>(res);
  return (body.deployments ?? []).filter((d) => d.name === value);
}
