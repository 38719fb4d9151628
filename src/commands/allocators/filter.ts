// Allocator filters shared by `allocators list --filter` (kubectl-like
// `key=value`, `capacity>=N`) and the capacity ranges of `allocators search
// --query`: zone, health, maintenance and memory (total and free, in MB).
// Applied to ECE's answer by ece itself: ECE's list takes no filter, and the
// specification types a range query's bounds as objects, not numbers.

import { UsageError } from '../../errors.js';
import type { Allocator } from './model.js';

export type Predicate = (a: Allocator) => boolean;

const BOOLEAN_KEYS: Record<string, (a: Allocator) => boolean | undefined> = {
  maintenance: (a) => a.status?.maintenance_mode,
  healthy: (a) => a.status?.healthy,
  connected: (a) => a.status?.connected,
};
const NUMBER_KEYS: Record<string, (a: Allocator) => number> = {
  capacity: (a) => a.capacity?.memory?.total ?? 0,
  free: (a) => (a.capacity?.memory?.total ?? 0) - (a.capacity?.memory?.used ?? 0),
  used: (a) => a.capacity?.memory?.used ?? 0,
};
export const FILTER_KEYS = ['zone', ...Object.keys(BOOLEAN_KEYS), ...Object.keys(NUMBER_KEYS)];

/** `zone=z1,z2`, `maintenance=true`, `capacity>=8192`, `free>4096` → a predicate. */
export function parseFilter(text: string, flag = '--filter'): Predicate {
  const m = /^([a-z_]+)\s*(>=|<=|!=|=|>|<)\s*(.+)$/.exec(text.trim());
  if (!m)
    throw new UsageError(
      `invalid ${flag} "${text}": use KEY=VALUE or KEY>=N (keys: ${FILTER_KEYS.join(', ')})`,
    );
  const [, key = '', op = '', value = ''] = m;
  if (key === 'zone') {
    if (op !== '=' && op !== '!=')
      throw new UsageError(`invalid ${flag} "${text}": zone takes = or !=`);
    const zones = value.split(',').map((z) => z.trim());
    return (a) => zones.includes(a.zone_id) === (op === '=');
  }
  const bool = BOOLEAN_KEYS[key];
  if (bool) {
    if ((op !== '=' && op !== '!=') || (value !== 'true' && value !== 'false'))
      throw new UsageError(`invalid ${flag} "${text}": ${key} is =true or =false`);
    return (a) => (bool(a) === true) === ((value === 'true') === (op === '='));
  }
  const num = NUMBER_KEYS[key];
  if (num) return range(num, op, value, text, flag);
  throw new UsageError(
    `invalid ${flag} "${text}": unknown key "${key}" (keys: ${FILTER_KEYS.join(', ')})`,
  );
}

/** Memory in MB: `8192`, `8g`, `512m`. */
function megabytes(value: string): number | undefined {
  const m = /^(\d+)\s*(g|gb|m|mb)?$/i.exec(value.trim());
  if (!m) return undefined;
  return Number(m[1]) * (m[2]?.toLowerCase().startsWith('g') ? 1024 : 1);
}

function range(
  get: (a: Allocator) => number,
  op: string,
  value: string,
  text: string,
  flag: string,
): Predicate {
  const span = /^(.+)\.\.(.+)$/.exec(value);
  if (span && op === '=') {
    const lo = megabytes(span[1] ?? '');
    const hi = megabytes(span[2] ?? '');
    if (lo === undefined || hi === undefined) throw bad(text, flag);
    return (a) => get(a) >= lo && get(a) <= hi;
  }
  const n = megabytes(value);
  if (n === undefined) throw bad(text, flag);
  const tests: Record<string, (x: number) => boolean> = {
    '=': (x) => x === n,
    '!=': (x) => x !== n,
    '>': (x) => x > n,
    '>=': (x) => x >= n,
    '<': (x) => x < n,
    '<=': (x) => x <= n,
  };
  const test = tests[op] ?? (() => false);
  return (a) => test(get(a));
}

const bad = (text: string, flag: string) =>
  new UsageError(
    `invalid ${flag} "${text}": memory is in MB (8192) or with a unit (8g, 512m); a range is N..M`,
  );

type Overview = { zones?: { zone_id: string; allocators: Allocator[] }[] };

/** The overview with only the allocators every predicate keeps (zones left empty dropped). */
export function filterOverview(o: Overview, predicates: Predicate[]): Overview {
  return {
    ...o,
    zones: (o.zones ?? [])
      .map((z) => ({ ...z, allocators: z.allocators.filter((a) => predicates.every((p) => p(a))) }))
      .filter((z) => z.allocators.length > 0),
  };
}
