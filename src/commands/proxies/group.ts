// What the filtered-group verbs share: the group from a file and/or flags
// (--filter key=value, --expected N), its columns, and its version.

import type { ApiResponse } from '../../api/body.js';
import { parseBody } from '../../api/body.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import type { Column } from '../../output/views.js';
import type { OptionSpec } from '../run/types.js';

export interface FilteredGroup {
  id?: string;
  filters: { key: string; value: string }[];
  expected_proxies_count: number;
}

export interface GroupInput {
  id: string;
  file?: string;
  filter: string[];
  expected?: string;
}

export const GROUP_OPTIONS: OptionSpec[] = [
  {
    flags: '-f, --file <file>',
    description:
      'the group: {"filters": [{"key", "value"}], "expected_proxies_count"} (- for stdin)',
  },
  {
    flags: '--filter <key=value>',
    description: "a proxy metadata item the group's proxies have (repeatable; all must match)",
    repeatable: true,
  },
  { flags: '--expected <n>', description: 'the least number of proxies the group should have' },
];

export const columns: Column<FilteredGroup>[] = [
  ['ID', (g) => g.id],
  ['FILTERS', (g) => g.filters.map((f) => `${f.key}=${f.value}`)],
  ['EXPECTED', (g) => g.expected_proxies_count],
];

/** --filter and --expected checked (before any request). */
export function checkFlags(input: GroupInput): void {
  for (const f of input.filter)
    if (!/^[^=]+=/.test(f))
      throw new UsageError(`invalid --filter "${f}": expected key=value (e.g. zone=ece-zone-1)`);
  if (input.expected !== undefined && !/^[0-9]+$/.test(input.expected))
    throw new UsageError(`invalid --expected "${input.expected}": expected a whole number`);
}

/** The group to send: the file's (or `base`), with the flags applied and the id set. */
export async function groupBody(
  ctx: Context,
  input: GroupInput,
  base: FilteredGroup | undefined,
): Promise<FilteredGroup> {
  const from = input.file ? await readDocument(ctx.io, input.file) : base;
  const group = { ...(from ?? {}) } as Record<string, unknown>;
  if (group.id !== undefined && group.id !== input.id)
    throw new UsageError(`the file is group "${String(group.id)}", not "${input.id}"`);
  group.id = input.id;
  if (input.filter.length > 0)
    group.filters = input.filter.map((f) => {
      const at = f.indexOf('=');
      return { key: f.slice(0, at), value: f.slice(at + 1) };
    });
  if (input.expected !== undefined) group.expected_proxies_count = Number(input.expected);
  if (!Array.isArray(group.filters) || group.filters.length === 0)
    throw new UsageError(
      'the group needs at least one filter: --filter key=value, or "filters" in the file',
    );
  if (typeof group.expected_proxies_count !== 'number')
    throw new UsageError(
      'the group needs an expected count: --expected N, or "expected_proxies_count" in the file',
    );
  return group as unknown as FilteredGroup;
}

/** A group's GET: the group and the version it was read at. */
export function readGroup(res: ApiResponse): { group: FilteredGroup; version: string | undefined } {
  return { group: parseBody<FilteredGroup>(res), version: res.headers['x-cloud-resource-version'] };
}

export const changedHint = (id: string) => (err: { isVersionConflict: boolean }) =>
  err.isVersionConflict
    ? `filtered group ${id} changed since it was read: run the command again`
    : undefined;
