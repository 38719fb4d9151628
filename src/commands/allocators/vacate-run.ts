// Sending a vacate's moves, at most `concurrency` at a time, and with --wait
// following each resulting plan to the end (api/plans.ts, as `--wait`
// everywhere), in one progress view with a line per deployment. A worker
// takes the next resource once its move has ended (or, without --wait, once
// ECE accepted it), as cloud-sdk-go's vacate pool does. Ctrl-C and the
// deadline stop new moves; the ones under way go on in ECE.

import { MOVE_KINDS, type MoveResponse } from '../../api/allocators.js';
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
  CliError,
  ExitCode,
  InterruptedError,
  PlanFailedError,
  WaitTimeoutError,
} from '../../errors.js';
import { PlanProgress } from '../../output/progress.js';
import type { HostResource } from './model.js';

export interface Planned extends HostResource {
  /** The move to send; absent when the validate_only pass said it cannot move. */
  write?: RequestOptions;
  refused?: string;
}

interface Outcome {
  p: Planned;
  state: 'moved' | 'refused' | 'failed' | 'running' | 'not started';
  message?: string;
}

export async function vacate(
  ctx: Context,
  api: ApiClient,
  allocator: string,
  planned: Planned[],
  o: { concurrency: number; wait: boolean; timeoutMs: number },
): Promise<void> {
  const started = Date.now();
  const deadline = started + o.timeoutMs;
  const outcomes = new Map<Planned, Outcome>();
  for (const p of planned)
    outcomes.set(
      p,
      p.write ? { p, state: 'not started' } : { p, state: 'refused', message: p.refused ?? '' },
    );
  const label = (p: Planned) => p.name;
  // One progress row per deployment; a row ends when all its resources have.
  type Failure = { step: string; message?: string | undefined };
  const rows = new Map<string, { target: Target; left: number; failed: Failure[] }>();
  for (const p of planned) {
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
  for (const p of planned.filter((x) => !x.write)) end(p, false, 'move refused', p.refused);

  const one = async (p: Planned, write: RequestOptions) => {
    const out = outcomes.get(p) as Outcome;
    try {
      const dep = o.wait ? await locate(api, p) : undefined;
      const before = dep ? await snapshot(api, dep.id) : undefined;
      const res = parseBody<MoveResponse>(await api.request(write));
      const failure = res.failures?.[`${p.kind}_clusters`]?.find((f) => f.cluster_id === p.id);
      if (failure) {
        const e = failure.errors?.[0];
        Object.assign(out, {
          state: 'refused',
          message: `${e?.message ?? 'refused'}${e?.code ? ` (${e.code})` : ''}`,
        });
        end(p, false, 'move refused', out.message);
        return;
      }
      out.state = 'running';
      if (!dep || !before || !progress) {
        ctx.io.stderr.write(`Moving ${p.kind} ${p.id} of ${p.name} off ${allocator}.\n`);
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
      else {
        Object.assign(out, {
          state: out.state === 'running' ? 'failed' : 'refused',
          message: (err as Error).message,
        });
        end(p, false, out.state === 'failed' ? 'following the plan' : 'move refused', out.message);
      }
    }
  };
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      if (stop || ctx.signal?.aborted || (o.wait && Date.now() >= deadline)) {
        stop ??= ctx.signal?.aborted ? 'interrupted' : 'deadline';
        return;
      }
      if (p.write) await one(p, p.write);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(o.concurrency, queue.length) }, worker));
  } finally {
    progress?.stop();
  }
  report(ctx, allocator, [...outcomes.values()], stop, o.wait, Date.now() - started);
  if (o.wait && !stop && [...outcomes.values()].every((x) => x.state === 'moved'))
    await leftovers(ctx, api, allocator);
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
  if (!id)
    throw new CliError(`no deployment has the ${p.kind} resource ${p.id}`, ExitCode.NOT_FOUND);
  const d = parseBody<Deployment>(await getDeployment(api, id, { plans: false }));
  const r = eachResource(d).find((x) => x.kind === p.kind && x.r.id === p.id);
  if (!r)
    throw new CliError(`deployment ${id} has no ${p.kind} resource ${p.id}`, ExitCode.NOT_FOUND);
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
  if (stop === 'interrupted')
    throw new InterruptedError(
      `stopped; the moves already started go on in ECE${names(['running']) ? ` (${names(['running'])})` : ''}${names(['not started']) ? `; not started: ${names(['not started'])}` : ''}`,
    );
  if (lines('failed').length > 0)
    throw new PlanFailedError([
      `the move failed for ${names(['failed'])}`,
      ...lines('failed'),
      ...lines('refused'),
    ]);
  if (stop === 'deadline') {
    const err = new WaitTimeoutError(
      `gave up waiting after ${formatDuration(ms)} (--wait-timeout); still moving: ${names(['running']) || 'none'}${names(['not started']) ? `; not started: ${names(['not started'])}` : ''}; the moves go on in ECE`,
    );
    err.hints.push(`follow them with \`ece allocators show ${allocator}\``);
    throw err;
  }
  if (lines('refused').length > 0) {
    const err = new CliError(`ECE refused to move ${names(['refused'])}`, ExitCode.REJECTED);
    err.hints.push(...lines('refused'));
    throw err;
  }
  const moved = outcomes.filter((x) => x.state === (wait ? 'moved' : 'running'));
  const deployments = new Set(moved.map((x) => x.p.name)).size;
  ctx.io.stderr.write(
    wait
      ? `Moved ${moved.length} resource${moved.length === 1 ? '' : 's'} of ${deployments} deployment${deployments === 1 ? '' : 's'} off ${allocator} in ${formatDuration(ms)}.\n`
      : `Started ${moved.length} move${moved.length === 1 ? '' : 's'} off ${allocator}; follow them with \`ece allocators show ${allocator}\` or use --wait.\n`,
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
