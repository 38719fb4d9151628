// `ece deployments apply -f FILE|DIR…`: make ECE match desired-state files
// (issue 25, item 2). Per document, after the comparison diff makes:
// - no deployment has it: a create, with a request_id derived from the
//   document, so a retried apply asks for the same deployment, never a second;
// - it differs: the live plan merged with the file (never the file alone) as
//   a PUT with ?version= from the read it was compared with, so a change made
//   in between is a conflict (exit 5), never an overwrite; only the resources
//   that change are sent (the others are left out and keep their plans);
// - it matches: nothing.
// prune_orphans is true only with --prune-orphans and something to remove,
// named before asking. The documents run --concurrency at a time; one result
// line each, a summary, and the most severe exit code of them all.

import { createRequest, updateRequest } from '../../api/deployments.js';
import { sanitize } from '../../output/sanitize.js';
import { INCLUDE_SYSTEM, selectionEffect } from '../run/system.js';
import { defineVerb, type Plan } from '../run/types.js';
import {
  type Comparison,
  changedResources,
  compareAll,
  concurrencyOf,
  labelOf,
} from './desired/compare.js';
import { readDesired } from './desired/documents.js';
import { isObj, type Obj, requestIdOf } from './desired/model.js';
import {
  CONCURRENCY_OPTION,
  type DesiredInput,
  FILE_OPTION,
  reportErrors,
  sayNotes,
  selectOutcomes,
} from './desired/report.js';
import { printResults, type Result, type Step, send, summary } from './desired/send.js';

export const verb = defineVerb<DesiredInput>({
  effect: 'destructive',
  effectOf: (i) => (i.pruneOrphans || i.includeSystem ? 'destructive' : 'write'),
  waits: true,
  options: [
    FILE_OPTION,
    {
      flags: '--prune-orphans',
      description: 'shut down live resources the file leaves out (names them and asks first)',
    },
    INCLUDE_SYSTEM,
    CONCURRENCY_OPTION,
  ],
  description: `Creates what does not exist, updates what differs (the live plan merged
with the file, sent with the version it was read at: a change made in between
is a conflict, exit 5, never an overwrite), and sends nothing for what
matches. Exit 0 only when every document matched or was applied (with --wait:
every plan succeeded); else the most severe code of them all.`,
  examples: [
    'ece deployments apply -f deployments/ --wait',
    'ece deployments apply -f prod-logs.yaml --dry-run',
    'ece deployments apply -f deployments/ --prune-orphans --yes --concurrency 2',
  ],
  async plan(input, ctx) {
    const limit = concurrencyOf(input.concurrency);
    const docs = await readDesired(ctx.io, input.file ?? []);
    const api = await ctx.api();
    const prune = input.pruneOrphans === true;
    const dryRun = ctx.flags.dryRun === true;
    const outcomes = selectOutcomes(
      await compareAll(api, docs, { prune, limit }),
      input.includeSystem,
      (note) => ctx.io.stderr.write(`${note}\n`),
    );
    reportErrors(outcomes, ctx.io.stderr);
    const steps: Step[] = outcomes.map((o) =>
      'error' in o
        ? {
            source: o.desired.source,
            name: String(o.desired.doc.name),
            kind: 'error',
            changed: [],
            error: o.error,
          }
        : stepOf(o.comparison),
    );
    for (const o of outcomes) if ('comparison' in o) sayNotes(o.comparison, ctx.io.stderr);
    const pruned = steps.flatMap((s) =>
      s.comparison?.prune && s.kind === 'update'
        ? s.comparison.orphans.map(
            (r) => `${r.replace('/', ' ')} of ${labelOf(s.comparison as Comparison)}`,
          )
        : [],
    );
    if (dryRun) {
      for (const s of steps) ctx.io.stderr.write(`dry run: ${sanitize(dryRunLine(s))}\n`);
      if (prune)
        ctx.io.stderr.write(
          pruned.length > 0
            ? `dry run: --prune-orphans would shut down ${sanitize(pruned.join(', '))}\n`
            : 'dry run: --prune-orphans would shut nothing down: the files name every resource\n',
        );
    }
    const results: Result[] = [];
    const plan: Plan = {
      effect: pruned.length > 0 ? 'destructive' : selectionEffect('write', input.includeSystem),
      writes: steps.flatMap((s) => (s.write ? [s.write] : [])),
      confirm:
        pruned.length > 0
          ? `Shut down ${pruned.join(', ')}? The files leave ${pruned.length === 1 ? 'it' : 'them'} out (--prune-orphans).`
          : 'Apply these files, system deployments included?',
      sendEach: (run) => send(ctx, api, steps, results, { ...run, limit }),
      output: () => {
        const body = `${JSON.stringify(results, null, 2)}\n`;
        return { body, print: (renderer) => printResults(results, renderer, ctx) };
      },
      done: () => summary(results),
    };
    return plan;
  },
});

/** What one comparison asks to send. */
function stepOf(c: Comparison): Step {
  const base = { source: c.desired.source, name: c.name, comparison: c };
  if (!c.live) {
    const requestId = requestIdOf(c.desired.doc);
    return {
      ...base,
      kind: 'create',
      write: createRequest(c.merged, { requestId }),
      requestId,
      changed: Object.entries((c.merged.resources ?? {}) as Record<string, Obj[]>).flatMap(
        ([kind, list]) => list.map((r) => `${kind}/${String(r.ref_id)}`),
      ),
    };
  }
  const id = c.live.deployment.id;
  if (c.changes.length === 0) return { ...base, id, kind: 'none', changed: [] };
  const changed = changedResources(c).filter((r) => !(c.prune && c.orphans.includes(r)));
  return {
    ...base,
    id,
    kind: 'update',
    write: updateRequest(id, updateBody(c, changed), { version: c.live.version }),
    changed: [...changed, ...(c.prune ? c.orphans : [])],
  };
}

/**
 * The update request: the merged document's name, the resources that change
 * (every kept resource when some are pruned: ECE prunes what the request
 * leaves out), and the settings, tags and alias only when they change.
 */
export function updateBody(c: Comparison, changed: string[]): Obj {
  const pruning = c.prune && c.orphans.length > 0;
  const resources: Record<string, Obj[]> = {};
  for (const [kind, list] of Object.entries((c.merged.resources ?? {}) as Record<string, Obj[]>)) {
    const items = list.filter((r) => pruning || changed.includes(`${kind}/${String(r.ref_id)}`));
    if (items.length > 0) resources[kind] = items;
  }
  const body: Obj = { name: c.merged.name, prune_orphans: pruning, resources };
  const touches = (prefix: string) =>
    c.changes.some((ch) => ch.path === prefix || ch.path.startsWith(`${prefix}.`));
  if (touches('alias')) body.alias = typeof c.merged.alias === 'string' ? c.merged.alias : '';
  if (touches('settings')) {
    const settings = isObj(c.merged.settings) ? c.merged.settings : {};
    body.settings = { observability: settings.observability ?? null };
  }
  if (touches('metadata')) {
    const meta = isObj(c.merged.metadata) ? c.merged.metadata : {};
    body.metadata = { tags: Array.isArray(meta.tags) ? meta.tags : [] };
  }
  return body;
}

function dryRunLine(s: Step): string {
  const label = s.comparison ? labelOf(s.comparison) : s.name;
  switch (s.kind) {
    case 'create':
      return `${s.source}: would create ${label} (request id ${s.requestId})`;
    case 'update':
      return `${s.source}: would update ${label} (${s.comparison?.changes.length} difference${s.comparison?.changes.length === 1 ? '' : 's'})`;
    case 'none':
      return `${s.source}: ${label} matches; nothing to send`;
    default:
      return `${s.source}: not applied (${s.error?.message ?? 'error'})`;
  }
}
