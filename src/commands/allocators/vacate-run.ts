// Sending a vacate's moves, at most `concurrency` at a time over all the
// allocators named, and with --wait following each resulting plan to the end
// (api/plans.ts, as `--wait` everywhere), in one progress view with a line
// per deployment. A worker takes the next resource once its move has ended
// (or, without --wait, once ECE accepted it), as cloud-sdk-go's vacate pool
// does. Ctrl-C and the deadline stop new moves; the ones under way go on in
// ECE. A resource ECE answers "There is a plan still pending" for is skipped,
// as cloud-sdk-go skips it. Then one result per allocator, and the most
// severe exit code among them.

import { isPlanPending, MOVE_KINDS, type MoveResponse } from '../../api/allocators.js';
import { parseBody } from '../../api/body.js';
import type { ApiClient, RequestOptions } from '../../api/client.js';
import { type Deployment, getDeployment, searchDeployments } from '../../api/deployments.js';
import {
  eachResource,
  NOTHING_BEFORE,
  snapshot,
  type Target,
  waitForPlans,
} from '../../api/plans.js';
import { getAllocator } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { formatDuration } from '../../duration.js';
import {
  ApiError,
  CliError,
  ExitCode,
  type ExitCodeValue,
  InterruptedError,
  PlanFailedError,
  WaitTimeoutError,
} from '../../errors.js';
import { PlanProgress } from '../../output/progress.js';
import { notFound } from '../run/resolve.js';
import type { HostResource } from './model.js';

export interface Planned extends HostResource {
  /** The allocator it moves off. */
  allocator: string;
  /** The move to send; absent when the validate_only pass said it cannot move. */
  write?: RequestOptions;
  refused?: string;
  /** A plan is still pending on it: left alone, not a failure. */
  skipped?: string;
}

interface Outcome {
  p: Planned;
  state: 'moved' | 'refused' | 'skipped' | 'failed' | 'running' | 'not started';
  message?: string;
}

/**
 * Exit codes, most severe first, for a run over several allocators: a stop
 * ends everything; a failed plan left something half done; at the deadline
 * moves still run; then the errors that kept an allocator from being
 * vacated at all (docs/platform.md, vacate).
 */
const SEVERITY: ExitCodeValue[] = [
  ExitCode.INTERRUPTED,
  ExitCode.PLAN_FAILED,
  ExitCode.WAIT_TIMEOUT,
  ExitCode.ERROR,
  ExitCode.NETWORK,
  ExitCode.AUTH,
  ExitCode.REJECTED,
  ExitCode.NOT_FOUND,
  ExitCode.USAGE,
];
const rank = (code: ExitCodeValue) => {
  const i = SEVERITY.indexOf(code);
  return i < 0 ? SEVERITY.length : i;
};

/** The errors of several allocators as one: each line names its allocator. */
class VacateErrors extends CliError {
  constructor(readonly errors: [allocator: string, err: CliError][]) {
    const worst = errors.reduce((a, b) => (rank(b[1].exitCode) < rank(a[1].exitCode) ? b : a));
    super(worst[1].message, worst[1].exitCode);
    this.hints = errors.flatMap(([id, e]) => e.hints.map((h) => `${id}: ${h}`));
  }
  override lines(): string[] {
    return this.errors.flatMap(([id, e]) => e.lines().map((l) => `${id}: ${l}`));
  }
}

/** The message of a move ECE answered with an error for the resource. */
export const failureMessage = (e: { code?: string; message?: string } | undefined): string =>
  `${e?.message ?? 'refused'}${e?.code ? ` (${e.code})` : ''}`;

/**
 * Moves what was planned off `allocators` (in that order for the results);
 * `failed` holds the allocators that could not even be read or checked.
 */
export async function vacate(
  ctx: Context,
  api: ApiClient,
  allocators: string[],
  planned: Planned[],
  o: { concurrency: number; wait: boolean; timeoutMs: number },
  failed: Map<string, CliError> = new Map(),
): Promise<void> {
  const started = Date.now();
  const deadline = started + o.timeoutMs;
  const outcomes = new Map<Planned, Outcome>();
  for (const p of planned)
    outcomes.set(
      p,
      p.write
        ? { p, state: 'not started' }
        : p.skipped !== undefined
          ? { p, state: 'skipped', message: p.skipped }
          : { p, state: 'refused', message: p.refused ?? '' },
    );
  const label = (p: Planned) => p.name;
  const key = (p: Planned) => `${p.kind}/${p.id}`;
  // One progress row per deployment; a row ends when all its resources have.
  type Failure = { step: string; message?: string | undefined };
  const rows = new Map<string, { target: Target; left: number; failed: Failure[] }>();
  for (const p of planned.filter((x) => x.skipped === undefined)) {
    const row = rows.get(label(p)) ?? {
      target: { kind: 'deployment', refId: label(p), before: NOTHING_BEFORE },
      left: 0,
      failed: [],
    };
    row.left++;
    rows.set(label(p), row);
  }
  const progress = o.wait
    ? new PlanProgress(
        ctx.io,
        [...rows.values()].map((r) => r.target),
        await ctx.stderrChalk(),
      )
    : undefined;
  /** One resource's move ended; its deployment's row ends with the last, naming the first failure. */
  const end = (p: Planned, ok: boolean, step: string, message?: string) => {
    const row = rows.get(label(p));
    if (!row || !progress) return;
    row.left--;
    if (!ok) row.failed.push({ step: `${p.kind}: ${step}`, message });
    if (row.left > 0) return;
    const [first] = row.failed;
    progress.event({
      type: 'done',
      target: row.target,
      ok: first === undefined,
      ...(first ? { step: first.step } : {}),
      ...(first?.message ? { message: first.message } : {}),
      ms: Date.now() - started,
    });
  };
  let stop: 'interrupted' | 'deadline' | undefined;
  const queue = planned.filter((p) => p.write);
  for (const p of planned.filter((x) => !x.write && x.skipped === undefined))
    end(p, false, 'move refused', p.refused);
  /** ECE has a plan pending on it (found only at the move): named, left alone. */
  const skip = (p: Planned, message: string) => {
    Object.assign(outcomes.get(p) as Outcome, { state: 'skipped', message });
    // A resource with instances on several of the allocators: its first move's plan.
    const first = planned.find(
      (x) => x !== p && key(x) === key(p) && outcomes.get(x)?.state === 'running',
    );
    ctx.io.stderr.write(
      `warning: skipping ${p.kind} ${p.id} of ${p.name}: ${message}${first ? `; this run moves it off ${first.allocator} first` : ''}\n`,
    );
    end(p, false, 'skipped', 'a plan is still pending');
  };

  const one = async (p: Planned, write: RequestOptions) => {
    const out = outcomes.get(p) as Outcome;
    try {
      const dep = o.wait ? await locate(api, p) : undefined;
      const before = dep ? await snapshot(api, dep.id) : undefined;
      const res = parseBody<MoveResponse>(await api.request(write));
      const failure = res.failures?.[`${p.kind}_clusters`]?.find((f) => f.cluster_id === p.id);
      if (failure) {
        const e = failure.errors?.[0];
        if (isPlanPending(e?.message)) return skip(p, failureMessage(e));
        Object.assign(out, { state: 'refused', message: failureMessage(e) });
        end(p, false, 'move refused', out.message);
        return;
      }
      out.state = 'running';
      if (!dep || !before || !progress) {
        ctx.io.stderr.write(`Moving ${p.kind} ${p.id} of ${p.name} off ${p.allocator}.\n`);
        return;
      }
      const target: Target = {
        kind: p.kind,
        refId: dep.refId,
        before: before.get(`${p.kind}/${dep.refId}`) ?? NOTHING_BEFORE,
      };
      const row = rows.get(label(p));
      const [result] = await waitForPlans(api, dep.id, [target], {
        deadline,
        signal: ctx.signal,
        onEvent: (e) => {
          if (e.type === 'step' && row)
            progress.event({ type: 'step', target: row.target, step: `${p.kind}: ${e.step}` });
          else if (e.type === 'retry' || e.type === 'poll') progress.event(e);
        },
      });
      if (result?.ok) {
        out.state = 'moved';
        end(p, true, 'moved');
      } else {
        Object.assign(out, {
          state: 'failed',
          message: `the plan failed at step ${result?.step ?? '?'}${result?.message ? `: ${result.message}` : ''}`,
        });
        end(p, false, result?.step ?? '?', result?.message);
      }
    } catch (err) {
      if (err instanceof InterruptedError) stop = 'interrupted';
      else if (err instanceof WaitTimeoutError) stop ??= 'deadline';
      else if (
        out.state === 'not started' &&
        err instanceof ApiError &&
        err.errors.some((e) => isPlanPending(e.message))
      )
        skip(p, err.lines().join('; '));
      else {
        Object.assign(out, {
          state: out.state === 'running' ? 'failed' : 'refused',
          message: (err as Error).message,
        });
        end(p, false, out.state === 'failed' ? 'following the plan' : 'move refused', out.message);
      }
    }
  };
  // With --wait, a resource with instances on several of the allocators
  // moves off one at a time: ECE refuses a second plan while one is pending.
  const busy = new Set<string>();
  let waiting: (() => void)[] = [];
  const next = async (): Promise<Planned | undefined> => {
    for (;;) {
      if (stop) return undefined;
      const i = queue.findIndex((p) => !o.wait || !busy.has(key(p)));
      const [p] = i >= 0 ? queue.splice(i, 1) : [];
      if (p) {
        busy.add(key(p));
        return p;
      }
      if (queue.length === 0) return undefined;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const worker = async () => {
    for (let p = await next(); p; p = await next()) {
      if (stop || ctx.signal?.aborted || (o.wait && Date.now() >= deadline)) {
        stop ??= ctx.signal?.aborted ? 'interrupted' : 'deadline';
        busy.delete(key(p));
        queue.unshift(p);
        break;
      }
      if (p.write) await one(p, p.write);
      busy.delete(key(p));
      for (const wake of waiting) wake();
      waiting = [];
    }
    // A worker that stops wakes the others, so that they stop too.
    for (const wake of waiting) wake();
    waiting = [];
  };
  try {
    await Promise.all(Array.from({ length: Math.min(o.concurrency, queue.length) }, worker));
  } finally {
    progress?.stop();
  }
  const all = [...outcomes.values()];
  if (stop === 'interrupted') {
    const names = (state: Outcome['state']) =>
      [...new Set(all.filter((x) => x.state === state).map((x) => x.p.name))].join(', ');
    throw new InterruptedError(
      `stopped; the moves already started go on in ECE${names('running') ? ` (${names('running')})` : ''}${names('not started') ? `; not started: ${names('not started')}` : ''}`,
    );
  }
  const errors: [string, CliError][] = [];
  for (const id of allocators) {
    const err = failed.get(id);
    const mine = all.filter((x) => x.p.allocator === id);
    if (err) errors.push([id, err]);
    if (err || mine.length === 0) continue;
    try {
      report(ctx, id, mine, stop, o.wait, Date.now() - started);
      if (o.wait && !stop && mine.every((x) => x.state === 'moved')) await leftovers(ctx, api, id);
    } catch (e) {
      if (!(e instanceof CliError) || e instanceof InterruptedError) throw e;
      errors.push([id, e]);
    }
  }
  const err = combined(allocators, errors);
  if (err) throw err;
}

/** The one allocator's error as it is; several as one, with the most severe exit code. */
export function combined(allocators: string[], errors: [string, CliError][]): CliError | undefined {
  const [first] = errors;
  if (!first) return undefined;
  return allocators.length === 1 ? first[1] : new VacateErrors(errors);
}

/** The deployment a resource belongs to and its ref_id there. */
async function locate(api: ApiClient, p: Planned): Promise<{ id: string; refId: string }> {
  let id = p.deploymentId;
  if (!id) {
    // Older ECE lists no deployment_id on an instance: find it by the resource id.
    const res = await searchDeployments(api, {
      query: {
        nested: {
          path: `resources.${p.kind}`,
          query: { term: { [`resources.${p.kind}.id`]: { value: p.id } } },
        },
      },
      size: 1,
    });
    id = parseBody<{ deployments?: { id: string }[] }>(res).deployments?.[0]?.id;
  }
  if (!id) throw notFound('deployment', p.id, `${p.kind} resource`);
  const d = parseBody<Deployment>(await getDeployment(api, id, { plans: false }));
  const r = eachResource(d).find((x) => x.kind === p.kind && x.r.id === p.id);
  if (!r) throw notFound(`${p.kind} resource of deployment ${id}`, p.id, 'id');
  return { id, refId: r.r.ref_id };
}

function report(
  ctx: Context,
  allocator: string,
  outcomes: Outcome[],
  stop: 'interrupted' | 'deadline' | undefined,
  wait: boolean,
  ms: number,
): void {
  const names = (states: Outcome['state'][]) =>
    [...new Set(outcomes.filter((x) => states.includes(x.state)).map((x) => x.p.name))].join(', ');
  const lines = (state: Outcome['state']) =>
    outcomes
      .filter((x) => x.state === state)
      .map((x) => `${x.p.name}: ${x.p.kind} ${x.p.id}: ${x.message}`);
  const skipped = names(['skipped'])
    ? `skipped ${names(['skipped'])} (a plan is still pending): vacate ${allocator} again once it has ended`
    : '';
  if (lines('failed').length > 0)
    throw new PlanFailedError([
      `the move failed for ${names(['failed'])}`,
      ...lines('failed'),
      ...lines('refused'),
      ...(skipped ? [skipped] : []),
    ]);
  if (stop === 'deadline' && names(['running', 'not started'])) {
    const err = new WaitTimeoutError(
      `gave up waiting after ${formatDuration(ms)} (--wait-timeout); still moving: ${names(['running']) || 'none'}${names(['not started']) ? `; not started: ${names(['not started'])}` : ''}; the moves go on in ECE`,
    );
    err.hints.push(`follow them with \`ece allocators show ${allocator}\``);
    if (skipped) err.hints.push(skipped);
    throw err;
  }
  if (lines('refused').length > 0) {
    const err = new CliError(`ECE refused to move ${names(['refused'])}`, ExitCode.REJECTED);
    err.hints.push(...lines('refused'));
    if (skipped) err.hints.push(skipped);
    throw err;
  }
  const moved = outcomes.filter((x) => x.state === (wait ? 'moved' : 'running'));
  const deployments = new Set(moved.map((x) => x.p.name)).size;
  // Skipped is not a failure (as in cloud-sdk-go), but the line says so.
  const rest = skipped ? ` ${skipped[0]?.toUpperCase()}${skipped.slice(1)}.` : '';
  ctx.io.stderr.write(
    moved.length === 0
      ? `Nothing moved off ${allocator}.${rest}\n`
      : wait
        ? `Moved ${moved.length} resource${moved.length === 1 ? '' : 's'} of ${deployments} deployment${deployments === 1 ? '' : 's'} off ${allocator} in ${formatDuration(ms)}.${rest}\n`
        : `Started ${moved.length} move${moved.length === 1 ? '' : 's'} off ${allocator}; follow them with \`ece allocators show ${allocator}\` or use --wait.${rest}\n`,
  );
}

/** After a vacate that waited: is the host empty? */
async function leftovers(ctx: Context, api: ApiClient, allocator: string): Promise<void> {
  const a = parseBody<{ instances?: { cluster_type: string }[] }>(
    await getAllocator(api, allocator),
  );
  const left = a.instances ?? [];
  if (left.length === 0) ctx.io.stderr.write(`Allocator ${allocator} is empty.\n`);
  else {
    const kinds = [...new Set(left.map((i) => i.cluster_type))];
    const unmovable = kinds.filter((k) => !MOVE_KINDS.includes(k));
    ctx.io.stderr.write(
      `Allocator ${allocator} still runs ${left.length} instance${left.length === 1 ? '' : 's'} (${kinds.join(', ')})${unmovable.length ? `; the move API cannot move ${unmovable.join(', ')}` : ', not asked to move'}.\n`,
    );
  }
}
