// `ece deployments diff -f FILE|DIR…`: desired state against ECE, without a
// state file (issue 25). Each document is compared with its live deployment
// by the rules of desired/model.ts; exit 0 when nothing differs, 10 when
// something does (terraform plan -detailed-exitcode), and the usual codes
// for errors, the most severe of all documents.

import { mostSevere } from '../../errors.js';
import type { Renderer } from '../../output/render.js';
import { sanitize } from '../../output/sanitize.js';
import { INCLUDE_SYSTEM } from '../run/system.js';
import { defineVerb } from '../run/types.js';
import { compareAll, concurrencyOf, diffCode, labelOf, type Outcome } from './desired/compare.js';
import { readDesired } from './desired/documents.js';
import {
  CONCURRENCY_OPTION,
  type DesiredInput,
  FILE_OPTION,
  reportErrors,
  sayNotes,
  selectOutcomes,
} from './desired/report.js';
import { unifiedDiff } from './desired/unified.js';

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
