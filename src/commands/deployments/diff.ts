// `ece deployments diff -f FILE|DIR…`: desired state against ECE, without a
// state file (issue 25). Each document is compared with its live deployment
// by the rules of desired/model.ts; exit 0 when nothing differs, 10 when
// something does (terraform plan -detailed-exitcode), and the usual codes
// for errors, the most severe of all documents.

import { mostSevere } from '../../errors.js';
import type { Renderer } from '../../output/render.js';
import { sanitize } from '../../output/sanitize.js';
import { INCLUDE_SYSTEM, isSystemOwned, leftOutNote, type MaybeSystem } from '../run/system.js';
import { defineVerb } from '../run/types.js';
import {
  type Comparison,
  compareAll,
  concurrencyOf,
  diffCode,
  labelOf,
  type Outcome,
} from './desired/compare.js';
import { readDesired } from './desired/documents.js';
import { unifiedDiff } from './desired/unified.js';

export interface DesiredInput {
  file: string[];
  pruneOrphans?: boolean;
  includeSystem?: boolean;
  concurrency?: string;
}

export const FILE_OPTION = {
  flags: '-f, --file <file|dir>',
  description:
    'desired state: a JSON or YAML file, or a directory of them (repeatable; - for stdin)',
  repeatable: true,
};
export const CONCURRENCY_OPTION = {
  flags: '--concurrency <n>',
  description: 'deployments handled at a time (default 4)',
};

export const verb = defineVerb<DesiredInput>({
  effect: 'read',
  options: [
    FILE_OPTION,
    {
      flags: '--prune-orphans',
      description: 'count live resources the file leaves out as differences (else they are kept)',
    },
    INCLUDE_SYSTEM,
    CONCURRENCY_OPTION,
  ],
  description: `Exit 0: no differences; 10: differences; other codes: errors (the most
severe of all documents). Each document is matched to a deployment by its id,
else by its name when exactly one deployment has it. What ECE owns and the
file does not say is not a difference: see docs/desired-state.md for every
rule. --json lists each changed path with its old and new value.`,
  examples: [
    'ece deployments diff -f deployments/',
    'ece deployments diff -f prod-logs.yaml --json',
    'ece deployments export prod-logs -o yaml > prod-logs.yaml && ece deployments diff -f prod-logs.yaml',
  ],
  async plan(input, ctx) {
    const limit = concurrencyOf(input.concurrency);
    const docs = await readDesired(ctx.io, input.file ?? []);
    const api = await ctx.api();
    const outcomes = selectOutcomes(
      await compareAll(api, docs, { prune: input.pruneOrphans === true, limit }),
      input.includeSystem,
      (note) => ctx.io.stderr.write(`${note}\n`),
    );
    reportErrors(outcomes, ctx.io.stderr);
    for (const o of outcomes) if ('comparison' in o) sayNotes(o.comparison, ctx.io.stderr);
    const body = JSON.stringify(outcomes.map(diffJson), null, 2);
    return {
      output: { body, print: (renderer) => printDiffs(outcomes, renderer, ctx.io.stderr) },
      exitCode: mostSevere(outcomes.map(diffCode)),
    };
  },
});

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

/** The machine form of one document's result. */
function diffJson(o: Outcome): Record<string, unknown> {
  if ('error' in o)
    return {
      source: o.desired.source,
      name: o.desired.doc.name,
      error: { exit_code: o.error.exitCode, message: o.error.message },
    };
  const c = o.comparison;
  return {
    source: c.desired.source,
    name: c.name,
    id: c.live?.deployment.id ?? null,
    action: c.live ? (c.changes.length > 0 ? 'update' : 'none') : 'create',
    changes: c.changes,
    kept: c.prune ? [] : c.orphans,
    pruned: c.prune ? c.orphans : [],
    notes: c.notes,
  };
}

async function printDiffs(
  outcomes: Outcome[],
  renderer: Renderer,
  stderr: { write(s: string): unknown },
): Promise<void> {
  const { toYaml } = await import('../../output/render.js');
  for (const o of outcomes) {
    if (!('comparison' in o)) continue;
    const c = o.comparison;
    if (c.changes.length === 0) {
      stderr.write(`${sanitize(labelOf(c))}: no differences\n`);
      continue;
    }
    const from = c.live ? `live ${labelOf(c)}` : '/dev/null (no such deployment: apply creates it)';
    const text = unifiedDiff(
      c.live ? await toYaml(c.before) : '',
      await toYaml(c.after),
      { from, to: c.desired.source },
      renderer.chalk,
    );
    renderer.text(text);
  }
}
