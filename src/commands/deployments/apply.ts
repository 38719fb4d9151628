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

import { parseBody } from '../../api/body.js';
import type { ApiClient, RequestOptions } from '../../api/client.js';
import { createRequest, type DeploymentResource, updateRequest } from '../../api/deployments.js';
import {
  type Before,
  NOTHING_BEFORE,
  snapshot,
  type Target,
  targetsFor,
  waitForPlans,
} from '../../api/plans.js';
import type { Context } from '../../context.js';
import {
  CliError,
  ExitCode,
  type ExitCodeValue,
  InterruptedError,
  mostSevere,
  PlanFailedError,
} from '../../errors.js';
import { PlanProgress } from '../../output/progress.js';
import { sanitize } from '../../output/sanitize.js';
import { INCLUDE_SYSTEM, selectionEffect } from '../run/system.js';
import { defineVerb, type Plan, type SendRun } from '../run/types.js';
import {
  type Comparison,
  changedResources,
  compareAll,
  concurrencyOf,
  eachLimited,
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
} from './diff.js';
import { CHANGED } from './payload.js';
import { anyPlanStarted } from './wait.js';

/** One document's part of the run. */
interface Step {
  source: string;
  name: string;
  id?: string;
  comparison?: Comparison;
  write?: RequestOptions;
  kind: 'create' | 'update' | 'none' | 'error';
  /** Resources (`kind/ref_id`) whose plans the write changes: what --wait follows. */
  changed: string[];
  requestId?: string;
  error?: CliError;
}

interface Result {
  source: string;
  name: string;
  id: string | null;
  result: 'created' | 'already created' | 'updated' | 'unchanged' | 'failed' | 'not applied';
  exit_code: ExitCodeValue;
  message?: string;
  request_id?: string;
  credentials?: { resource: string; username?: string; password?: string; secret_token?: string }[];
}

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
      send: (run) => send(ctx, api, steps, results, { ...run, limit }),
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

/** Sends every step, `limit` at a time; with --wait, follows each one's plans. */
async function send(
  ctx: Context,
  api: ApiClient,
  steps: Step[],
  results: Result[],
  run: SendRun & { limit: number },
): Promise<ExitCodeValue> {
  const deadline = Date.now() + (run.timeoutMs ?? 0);
  const following = run.wait ? steps.filter((s) => s.write && s.changed.length > 0) : [];
  // One progress view for the run: a row per resource, named by its deployment.
  const rows = new Map<string, Target>();
  for (const s of following)
    for (const r of s.changed)
      rows.set(`${s.source} ${r}`, {
        kind: s.name,
        refId: r.replace('/', ' '),
        before: NOTHING_BEFORE,
      });
  const progress =
    following.length > 0
      ? new PlanProgress(ctx.io, [...rows.values()], await ctx.stderrChalk())
      : undefined;
  try {
    const done = await eachLimited(steps, run.limit, (s) =>
      applyOne(ctx, api, s, { wait: run.wait, deadline, progress, rows }),
    );
    results.push(...done);
  } finally {
    progress?.stop();
  }
  return mostSevere(results.map((r) => r.exit_code));
}

async function applyOne(
  ctx: Context,
  api: ApiClient,
  s: Step,
  o: {
    wait: boolean;
    deadline: number;
    progress: PlanProgress | undefined;
    rows: Map<string, Target>;
  },
): Promise<Result> {
  const base = { source: s.source, name: s.name, id: s.id ?? null };
  if (s.kind === 'error')
    return {
      ...base,
      result: 'not applied',
      exit_code: s.error?.exitCode ?? ExitCode.ERROR,
      message: s.error?.message ?? '',
    };
  if (s.kind === 'none' || !s.write)
    return { ...base, result: 'unchanged', exit_code: ExitCode.OK };
  let before = new Map<string, Before>();
  let result: Result;
  let id = s.id ?? '';
  let targets: Target[] = [];
  try {
    if (s.kind === 'update' && o.wait && s.changed.length > 0) before = await snapshot(api, id);
    const res = await api.request(s.write);
    if (s.kind === 'create') {
      const made = parseBody<{ id: string; created?: boolean; resources?: DeploymentResource[] }>(
        res,
      );
      id = made.id;
      const again = res.status === 202 || made.created === false;
      result = {
        ...base,
        id,
        result: again ? 'already created' : 'created',
        exit_code: ExitCode.OK,
        ...(s.requestId ? { request_id: s.requestId } : {}),
      };
      const credentials = (made.resources ?? []).flatMap((r) =>
        r.credentials?.password || r.secret_token
          ? [
              {
                resource: `${r.kind} ${r.ref_id}`,
                ...(r.credentials?.password
                  ? { username: r.credentials.username, password: r.credentials.password }
                  : {}),
                ...(r.secret_token ? { secret_token: r.secret_token } : {}),
              },
            ]
          : [],
      );
      if (credentials.length > 0) result.credentials = credentials;
      targets = (made.resources ?? []).map((r) => ({
        kind: r.kind,
        refId: r.ref_id,
        before: NOTHING_BEFORE,
      }));
    } else {
      result = { ...base, result: 'updated', exit_code: ExitCode.OK };
      targets = targetsFor(s.changed, before);
    }
  } catch (err) {
    if (err instanceof InterruptedError || !(err instanceof CliError)) throw err;
    const failed = conflictOrError(err, s);
    for (const line of failed.lines())
      ctx.io.stderr.write(`error: ${sanitize(s.source)}: ${sanitize(line)}\n`);
    for (const hint of failed.hints) ctx.io.stderr.write(`hint: ${sanitize(hint)}\n`);
    markDone(o, s, false, failed.message);
    return {
      ...base,
      result: 'failed',
      exit_code: failed.exitCode,
      message: failed.message,
      ...(s.requestId ? { request_id: s.requestId } : {}),
    };
  }
  if (!o.wait || targets.length === 0) return result;
  return follow(ctx, api, s, id, targets, result, o);
}

/** A 409 on ?version= is the deployment changed since it was read; a create names its request id. */
function conflictOrError(err: CliError, s: Step): CliError {
  if ('isVersionConflict' in err && (err as { isVersionConflict: boolean }).isVersionConflict) {
    const changed = new CliError(CHANGED, ExitCode.REJECTED);
    changed.hints.push(
      `read it again: \`ece deployments diff -f ${s.source.replace(/#\d+$/, '')}\` shows what changed; apply again to send your change on top of it`,
    );
    return changed;
  }
  if (
    s.kind === 'create' &&
    s.requestId &&
    (err.exitCode === ExitCode.NETWORK || err.exitCode === ExitCode.ERROR)
  )
    err.hints.push(
      `the create may have reached ECE: apply again, it sends the same request id (${s.requestId}) and never makes a second deployment`,
    );
  return err;
}

/** --wait for one deployment: its plans followed to the end by the one plan follower. */
async function follow(
  ctx: Context,
  api: ApiClient,
  s: Step,
  id: string,
  targets: Target[],
  result: Result,
  o: { deadline: number; progress: PlanProgress | undefined; rows: Map<string, Target> },
): Promise<Result> {
  const row = (t: { kind: string; refId: string }) =>
    o.rows.get(`${s.source} ${t.kind}/${t.refId}`);
  try {
    if (s.kind === 'update' && !(await anyPlanStarted(ctx, api, id, targets, o.deadline))) {
      markDone(o, s, true);
      return { ...result, message: 'no plan was started: nothing to wait for' };
    }
    const outcomes = await waitForPlans(api, id, targets, {
      deadline: o.deadline,
      signal: ctx.signal,
      onEvent: (e) => {
        if (e.type === 'step' || e.type === 'done') {
          const target = row(e.target);
          if (target) o.progress?.event({ ...e, target });
        } else o.progress?.event(e);
      },
    });
    const failed = outcomes.filter((x) => !x.ok);
    if (failed.length === 0) return result;
    const err = new PlanFailedError(
      failed.map(
        (x) =>
          `${x.target.kind} ${x.target.refId}: the plan failed at step ${x.step ?? '?'}${x.message ? `: ${x.message}` : ''}`,
      ),
    );
    for (const line of err.lines())
      ctx.io.stderr.write(`error: ${sanitize(s.source)}: ${sanitize(line)}\n`);
    return {
      ...result,
      result: 'failed',
      exit_code: err.exitCode,
      message: err.lines().join('; '),
    };
  } catch (err) {
    if (err instanceof InterruptedError || !(err instanceof CliError)) throw err;
    ctx.io.stderr.write(`error: ${sanitize(s.source)}: ${sanitize(err.message)}\n`);
    markDone(o, s, false, err.message);
    return { ...result, result: 'failed', exit_code: err.exitCode, message: err.message };
  }
}

/** Ends the progress rows of a step that will show no more events. */
function markDone(
  o: { progress: PlanProgress | undefined; rows: Map<string, Target> },
  s: Step,
  ok: boolean,
  message?: string,
): void {
  for (const r of s.changed) {
    const target = o.rows.get(`${s.source} ${r}`);
    if (target)
      o.progress?.event({ type: 'done', target, ok, ms: 0, ...(message ? { message } : {}) });
  }
}

function printResults(
  results: Result[],
  renderer: import('../../output/render.js').Renderer,
  ctx: Context,
): void {
  renderer.grid({
    headers: ['SOURCE', 'DEPLOYMENT', 'ID', 'RESULT', 'DETAIL'],
    rows: results.map((r) => [r.source, r.name, r.id ?? '', r.result, r.message ?? '']),
  });
  const creds = results.flatMap((r) =>
    (r.credentials ?? []).flatMap((c) => [
      ...(c.password ? [[`${r.name} ${c.resource} ${c.username ?? ''}`, c.password]] : []),
      ...(c.secret_token ? [[`${r.name} ${c.resource} secret_token`, c.secret_token]] : []),
    ]),
  );
  if (creds.length > 0) {
    renderer.grid({ headers: ['CREDENTIAL', 'VALUE'], rows: creds });
    ctx.io.stderr.write('Save the credentials above now: ECE will not show them again.\n');
  }
}

/** The run in one line on stderr. */
function summary(results: Result[]): string {
  const count = (what: Result['result']) => results.filter((r) => r.result === what).length;
  const parts = (
    [
      ['created', count('created') + count('already created')],
      ['updated', count('updated')],
      ['unchanged', count('unchanged')],
      ['failed', count('failed')],
      ['not applied', count('not applied')],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([w, n]) => `${n} ${w}`);
  const n = results.length;
  return `${n} document${n === 1 ? '' : 's'}: ${parts.join(', ') || 'nothing to do'}.`;
}
