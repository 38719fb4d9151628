// The one selection rule for ECE's own deployments (issue 21, item 4):
// `metadata.system_owned` marks admin-console-elasticsearch,
// logging-and-metrics and security. Lists keep showing them (marked); every
// operation over many deployments (a fleet upgrade, an apply of a directory,
// a selection by --search/--below/--all) leaves them out unless
// --include-system is given, and including them makes the call destructive:
// it asks first, and refuses without a terminal unless --yes.

import type { Effect, OptionSpec } from './types.js';

/** The flag every multi-deployment verb declares. */
export const INCLUDE_SYSTEM: OptionSpec = {
  flags: '--include-system',
  description: "Include ECE's own system deployments (makes the call destructive: it asks first)",
};

/** What the rule reads: a search hit or a GET /deployments/{id} body. */
export interface MaybeSystem {
  metadata?: { system_owned?: boolean };
}

export function isSystemOwned(d: MaybeSystem): boolean {
  return d.metadata?.system_owned === true;
}

/** Splits a selection: the deployments the operation acts on, and the system ones it left out. */
export function selectSystem<T extends MaybeSystem>(
  items: readonly T[],
  includeSystem: boolean | undefined,
): { selected: T[]; leftOut: T[] } {
  if (includeSystem) return { selected: [...items], leftOut: [] };
  const selected: T[] = [];
  const leftOut: T[] = [];
  for (const d of items) (isSystemOwned(d) ? leftOut : selected).push(d);
  return { selected, leftOut };
}

/** The effect of an operation over a selection: including system deployments raises a write to destructive. */
export function selectionEffect(effect: Effect, includeSystem: boolean | undefined): Effect {
  return includeSystem && effect !== 'read' ? 'destructive' : effect;
}

/** The stderr note when the rule left deployments out (nothing when none was). */
export function leftOutNote(leftOut: readonly { id: string; name?: string }[]): string | undefined {
  if (leftOut.length === 0) return undefined;
  const names = leftOut.map((d) => d.name ?? d.id).join(', ');
  const n = leftOut.length;
  return `Left out ${n} system deployment${n === 1 ? '' : 's'} (${names}); --include-system to include ${n === 1 ? 'it' : 'them'}`;
}
