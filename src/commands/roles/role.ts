// Runner (blueprinter) roles as ECE returns them (RoleAggregate), their
// columns, and the Role a file describes, whichever shape the file has.

import { UsageError } from '../../errors.js';
import type { Column } from '../../output/views.js';

export interface Role {
  id: string;
  auto_blessed: boolean;
  containers: { name: string; container_set_name: string }[];
}

export interface RoleAggregate {
  id: string;
  role: { value: Role; meta: { version: string; created_time?: string; modified_time?: string } };
  blessings?: { value: { runner_ids_to_blessing: Record<string, { value: boolean }> } };
}

const sets = (a: RoleAggregate) => [
  ...new Set((a.role.value.containers ?? []).map((c) => c.container_set_name)),
];
const runners = (a: RoleAggregate) =>
  Object.entries(a.blessings?.value.runner_ids_to_blessing ?? {})
    .filter(([, b]) => b.value)
    .map(([id]) => id);

export const columns: Column<RoleAggregate>[] = [
  ['ID', (a) => a.id],
  ['AUTO_BLESSED', (a) => a.role.value.auto_blessed],
  ['CONTAINER_SETS', sets],
  ['RUNNERS', runners],
];

export const detailColumns: Column<RoleAggregate>[] = [
  ...columns,
  ['CONTAINERS', (a) => (a.role.value.containers ?? []).map((c) => c.name)],
  ['VERSION', (a) => a.role.meta.version],
  ['MODIFIED', (a) => a.role.meta.modified_time],
];

/**
 * The Role in a file: a Role itself, a create request ({role, blessings}) or
 * what `roles show --json` prints ({id, role: {value, meta}, …}).
 */
export function roleOf(doc: Record<string, unknown>): {
  role: Record<string, unknown>;
  blessings?: unknown;
} {
  const inner = doc.role;
  let role: unknown = doc;
  if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
    const value = (inner as Record<string, unknown>).value;
    role = value && typeof value === 'object' ? value : inner;
  }
  const r = role as Record<string, unknown>;
  if (!Array.isArray(r.containers))
    throw new UsageError('the file is not a runner role: it has no containers list');
  const blessings = (doc.blessings as Record<string, unknown> | undefined)?.value ?? doc.blessings;
  return { role: { ...r }, ...(blessings === undefined ? {} : { blessings }) };
}
