// `-f key=value` and `-F key=typed` fields of `ece api`: nested keys
// (`a.b=c`, `a[b]=c`), arrays (`k[]=v`), typed values (true, false, null,
// numbers, {} and [], @file, @- for stdin).

import { UsageError } from '../../errors.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface Field {
  key: string;
  raw: string;
  typed: boolean;
}

export function parseField(arg: string, typed: boolean): Field {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new UsageError(`invalid field "${arg}": use key=value`);
  return { key: arg.slice(0, eq), raw: arg.slice(eq + 1), typed };
}

/** The value of a field; `readFile` resolves @file and @- (typed fields only). */
export async function fieldValue(
  f: Field,
  readFile: (name: string) => Promise<string>,
): Promise<Json> {
  if (!f.typed) return f.raw;
  const v = f.raw;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === 'null') return null;
  if (v === '{}') return {};
  if (v === '[]') return [];
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(v)) return Number(v);
  if (v.startsWith('@')) return readFile(v.slice(1));
  return v;
}

/** `a.b[c][]` → ['a', 'b', 'c', '[]']. */
export function keyPath(key: string): string[] {
  const parts: string[] = [];
  const re = /([^.[\]]+)|\[\]|\[([^\]]*)\]|(\.)/g;
  let last = 0;
  for (let m = re.exec(key); m; m = re.exec(key)) {
    if (m.index !== last) throw new UsageError(`invalid field name "${key}"`);
    last = re.lastIndex;
    if (m[3]) continue;
    if (m[0] === '[]') parts.push('[]');
    else parts.push(m[1] ?? m[2] ?? '');
  }
  if (last !== key.length || parts.length === 0 || parts.some((p) => p === '')) {
    throw new UsageError(`invalid field name "${key}"`);
  }
  if (parts[0] === '[]')
    throw new UsageError(`invalid field name "${key}": it cannot start with []`);
  return parts;
}

/**
 * An object without a prototype: `__proto__`, `constructor` and `prototype`
 * in a field name are keys of the body like any other, never a way to
 * Object.prototype (`-F __proto__.x=1` sends {"__proto__":{"x":1}}).
 */
export function object(): { [k: string]: Json } {
  return Object.create(null) as { [k: string]: Json };
}

/** Puts a value at a key path into an object, creating objects and arrays on the way. */
export function assign(target: Record<string, Json>, key: string, value: Json): void {
  const path = keyPath(key);
  let node: Json = target;
  for (let i = 0; i < path.length; i++) {
    const part = path[i] ?? '';
    const last = i === path.length - 1;
    const next = path[i + 1];
    const fresh = (): Json => (next === '[]' ? [] : object());
    if (part === '[]') {
      if (!Array.isArray(node))
        throw new UsageError(`field "${key}" mixes an array with an object`);
      if (last) node.push(value);
      else {
        const child = fresh();
        node.push(child);
        node = child;
      }
      continue;
    }
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      throw new UsageError(`field "${key}" conflicts with another field`);
    }
    if (last) {
      node[part] = value;
    } else {
      const existing: Json | undefined = Object.hasOwn(node, part) ? node[part] : undefined;
      if (existing === undefined) node[part] = fresh();
      else if (
        next === '[]'
          ? !Array.isArray(existing)
          : typeof existing !== 'object' || existing === null || Array.isArray(existing)
      ) {
        throw new UsageError(`field "${key}" conflicts with another field`);
      }
      node = node[part] as Json;
    }
  }
}
