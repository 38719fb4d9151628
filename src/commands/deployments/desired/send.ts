// Sending an apply's writes, one document at a time per worker and
// --concurrency workers, each document on its own: a failure (a conflict, a
// refusal, a failed plan) is that document's result and the others go on.
// With --wait, each document's plans are followed by the one plan follower
// (api/plans.ts waitForPlans) in one progress view. Then one result line
// per document, and a summary on stderr.

import { parseBody } from '../../../api/body.js';
import type { ApiClient, RequestOptions } from '../../../api/client.js';
import type { DeploymentResource } from '../../../api/deployments.js';
import {
  type Before,
  NOTHING_BEFORE,
  snapshot,
  type Target,
  targetsFor,
  waitForPlans,
} from '../../../api/plans.js';
import type { Context } from '../../../context.js';
import {
  ApiError,
  CliError,
  ExitCode,
  type ExitCodeValue,
  InterruptedError,
  mostSevere,
  PlanFailedError,
} from '../../../errors.js';
import { PlanProgress } from '../../../output/progress.js';
import type { Renderer } from '../../../output/render.js';
import { sanitize } from '../../../output/sanitize.js';
import type { SendRun } from '../../run/types.js';
import { CHANGED } from '../payload.js';
import { anyPlanStarted } from '../wait.js';
import { type Comparison, eachLimited } from './compare.js';

/** One document's part of the run. */
export interface Step {
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

export interface Result {
  source: string;
  name: string;
  id: string | null;
  result: 'created' | 'already created' | 'updated' | 'unchanged' | 'failed' | 'not applied';
  exit_code: ExitCodeValue;
  message?: string;
  request_id?: string;
  credentials?: { resource: string; username?: string; password?: string; secret_token?: string }[];
}

/** Sends every step, `limit` at a time; with --wait, follows each one's plans. */
export async function send(
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
  if (err instanceof ApiError && err.isVersionConflict) {
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

export function printResults(results: Result[], renderer: Renderer, ctx: Context): void {
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
export function summary(results: Result[]): string {
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
