// What diff and apply share around the comparisons: their options, the
// system rule over the documents' live deployments, and what they say on
// stderr about each document (its error, what the merge did not take, the
// resources kept).

import { sanitize } from '../../../output/sanitize.js';
import { isSystemOwned, leftOutNote, type MaybeSystem } from '../../run/system.js';
import type { OptionSpec } from '../../run/types.js';
import type { Comparison, Outcome } from './compare.js';

export interface DesiredInput {
  file: string[];
  pruneOrphans?: boolean;
  includeSystem?: boolean;
  concurrency?: string;
}

export const FILE_OPTION: OptionSpec = {
  flags: '-f, --file <file|dir>',
  description:
    'desired state: a JSON or YAML file, or a directory of them (repeatable; - for stdin)',
  repeatable: true,
};
export const CONCURRENCY_OPTION: OptionSpec = {
  flags: '--concurrency <n>',
  description: 'deployments handled at a time (default 4)',
};

/** The system rule (run/system.ts) over the documents' live deployments. */
export function selectOutcomes(
  outcomes: Outcome[],
  includeSystem: boolean | undefined,
  say: (note: string) => void,
): Outcome[] {
  if (includeSystem) return outcomes;
  const system = (o: Outcome) =>
    'comparison' in o &&
    o.comparison.live !== undefined &&
    isSystemOwned(o.comparison.live.deployment as MaybeSystem);
  const leftOut = outcomes.filter(system).map((o) => {
    const d = (o as { comparison: Comparison }).comparison.live?.deployment;
    return { id: d?.id ?? '', name: d?.name };
  });
  const note = leftOutNote(leftOut);
  if (note) say(note);
  return outcomes.filter((o) => !system(o));
}

/** Each document's error on stderr, named by its file. */
export function reportErrors(outcomes: Outcome[], stderr: { write(s: string): unknown }): void {
  for (const o of outcomes) {
    if (!('error' in o)) continue;
    for (const line of o.error.lines())
      stderr.write(`error: ${o.desired.source}: ${sanitize(line)}\n`);
    for (const hint of o.error.hints) stderr.write(`hint: ${sanitize(hint)}\n`);
  }
}

/** What the merge did not take, and the resources kept, on stderr. */
export function sayNotes(c: Comparison, stderr: { write(s: string): unknown }): void {
  for (const n of c.notes) stderr.write(`note: ${c.desired.source}: ${sanitize(n)}\n`);
  if (!c.prune && c.orphans.length > 0)
    stderr.write(
      `note: ${c.desired.source}: kept ${c.orphans.map((o) => o.replace('/', ' ')).join(', ')} (not in the file; --prune-orphans removes ${c.orphans.length === 1 ? 'it' : 'them'})\n`,
    );
}
