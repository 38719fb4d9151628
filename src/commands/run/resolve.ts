// The one rule for a thing named on the command line by its id or its name
// (habit 16): deployments, traffic filter rulesets, extensions, templates,
// allocators by host. Each noun brings only how to fetch its candidates; the
// trimming, the id pattern, the matching and the wording of "not found"
// (exit 3) and "ambiguous" (exit 2) are here, once.

import { ApiError, CliError, ExitCode, UsageError } from '../../errors.js';

/** ECE's generated ids (deployments, resources, rulesets): 32 lowercase hex digits. */
export const ID = /^[0-9a-f]{32}$/;

export interface Lookup<T> {
  /** What the thing is called in messages, singular: "deployment". */
  noun: string;
  /** Plural for "2 … are named"; the noun with an "s" otherwise. */
  plural?: string;
  /**
   * A reference of this shape is an id and is used as it is, with no lookup
   * (a deployment id costs no search); leave it out when ids and names look
   * alike (extension ids, template ids, allocator ids).
   */
  idPattern?: RegExp;
  /**
   * For nouns whose ids and names look alike (templates, allocators): the read
   * by id the verb makes anyway, tried first; undefined when ECE answers 404,
   * and only then are the candidates read.
   */
  direct?(value: string): Promise<T | undefined>;
  /** Every candidate, or those that may match `value` (one search). */
  candidates(value: string): Promise<T[]>;
  id(item: T): string;
  /** The names an item answers to besides its id (a name; a host name and IP). */
  names(item: T): (string | undefined)[];
}

export interface Resolved<T> {
  id: string;
  /** Known when the reference was a name, or when the item was read. */
  name?: string;
  /** The item the candidates held; absent when an id-shaped reference needed no lookup. */
  item?: T;
}

/** `read()`, or undefined when ECE answers 404 (a `direct` lookup). */
export async function unless404<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

/** The one "not found" line: `no deployment has the id or name "x"`. */
export function notFound(noun: string, value: string, what = 'id or name'): CliError {
  return new CliError(`no ${noun} has the ${what} "${value}"`, ExitCode.NOT_FOUND);
}

/**
 * `ref` trimmed; empty is a usage error. An exact id wins over a name; a
 * name matches exactly (case and all), and one held by several items is a
 * usage error listing their ids.
 */
export async function byIdOrName<T>(lookup: Lookup<T>, ref: string): Promise<Resolved<T>> {
  const value = ref.trim();
  if (value === '') throw new UsageError(`the ${lookup.noun} id or name is empty`);
  if (lookup.idPattern?.test(value)) return { id: value };
  const found = await lookup.direct?.(value);
  if (found !== undefined) return { id: value, name: nameOf(lookup, found), item: found };
  const all = await lookup.candidates(value);
  const byId = all.find((item) => lookup.id(item) === value);
  if (byId) return { id: value, name: nameOf(lookup, byId), item: byId };
  const named = all.filter((item) => lookup.names(item).includes(value));
  const [only, ...more] = named;
  if (!only) throw notFound(lookup.noun, value);
  if (more.length > 0)
    throw new UsageError(
      `${named.length} ${lookup.plural ?? `${lookup.noun}s`} are named "${value}"; give one of their ids: ${named.map(lookup.id).join(', ')}`,
    );
  return { id: lookup.id(only), name: value, item: only };
}

function nameOf<T>(lookup: Lookup<T>, item: T): string | undefined {
  return lookup.names(item).find((n) => n !== undefined);
}
