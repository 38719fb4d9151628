// `ece deployments upgrade` over a selection: the rollout (docs/fleet.md).
// The plan (fleet.ts) is said on stderr before anything is sent; --dry-run
// prints each update as its curl line, in order. Then at most --concurrency
// upgrades in flight: each one reads the deployment, sends its update with
// the version it read, and is followed by the fleet follower (api/fleet.ts)
// to its end; the next starts only when one ended healthy. A failure stops
// new starts once --max-failures is reached; Ctrl-C stops them too and
// leaves the running plans to ECE. No state is kept: a re-run skips what is
// already at the version. The result: one row per deployment on stdout, and
// the most severe exit code of them all.

import { parseBody } from '../../api/body.js';
import type { ApiClient, RequestOptions } from '../../api/client.js';
import { type Deployment, getStackVersions, updateRequest } from '../../api/deployments.js';
import {
  FleetFollower,
  type FlightOutcome,
  MAX_POLL_MS,
  MAX_RATE,
  Pacer,
  POLL_MS,
} from '../../api/fleet.js';
import { eachResource, snapshot, targetsFor } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { formatDuration } from '../../duration.js';
import {
  ApiError,
  CliError,
  ExitCode,
  type ExitCodeValue,
  InterruptedError,
  mostSevere,
  UsageError,
} from '../../errors.js';
import { FleetProgress } from '../../output/fleet-progress.js';
import { RAW } from '../../output/raw.js';
import { sanitize } from '../../output/sanitize.js';
import { confirmAgain } from '../run/execute.js';
import { leftOutNote, selectionEffect } from '../run/system.js';
import type { ModelFlags, Plan } from '../run/types.js';
import { waitTimeoutMs } from '../run/wait-flags.js';
import {
  type FleetInput,
  fromVersion,
  lowestRunning,
  type Member,
  planRollout,
  type Rollout,
  select,
} from './fleet.js';
import { CHANGED, readForUpdate } from './payload.js';
import { grid, type Result, resultsBody, summary } from './rollout-results.js';
import { type Stack, upgradeBody } from './upgrade-rules.js';

export async function fleetPlan(
  target: string,
  f: FleetInput,
  flags: ModelFlags,
  ctx: Context,
): Promise<Plan> {
  const api = await ctx.api();
  const stacks = parseBody<{ stacks?: Stack[] }>(await getStackVersions(api)).stacks ?? [];
  if (!stacks.some((s) => s.version === target && s.deleted !== true))
    throw new UsageError(
      `the installation has no stack version ${target} (see ece stack versions)`,
    );
  const { members, leftOut } = await select(api, f);
  for (const c of f.canary)
    if (!members.some((m) => m.id === c || m.name === c))
      throw new UsageError(`--canary ${c} is not one of the deployments selected`);
  const plan = planRollout(members, target, stacks, {
    canaries: f.canary,
    byName: f.names.length === 0,
  });
  const note = leftOutNote(leftOut);
  if (note) ctx.io.stderr.write(`note: ${note}\n`);
  ctx.io.stderr.write(describe(plan, target, f));
  const skippedRows = plan.skipped.map(
    (s): Result => ({
      id: s.member.id,
      name: s.member.name,
      from: fromVersion(s.member),
      to: target,
      result: 'skipped',
      exit_code: ExitCode.OK,
      message: s.reason,
    }),
  );
  if (plan.order.length === 0) {
    return { output: { body: resultsBody(skippedRows), print: (r) => r.grid(grid(skippedRows)) } };
  }
  const n = plan.order.length;
  const canaries = plan.order.filter((m) => isCanary(m, f.canary));
  const confirm = `Upgrade ${n} deployment${n === 1 ? '' : 's'} to ${target}, at most ${f.concurrency} at a time${canaries.length ? `, the canaries first (then it asks again)` : ''}? ECE cannot downgrade them afterwards.`;
  const base = { effect: selectionEffect('destructive', f.includeSystem), confirm };
  if (ctx.flags.dryRun) return { ...base, writes: await dryRunWrites(api, plan.order, target) };
  const timeoutMs = waitTimeoutMs({ wait: true, waitTimeout: flags.waitTimeout });
  return {
    ...base,
    sendEach: async () => {
      await rollout(ctx, api, {
        target,
        plan,
        f,
        canaries: new Set(canaries.map((m) => m.id)),
        timeoutMs,
        yes: flags.yes === true,
        skippedRows,
      });
      // A failure ends the rollout with its error (exit 7); done is 0.
      return 0;
    },
  };
}

const isCanary = (m: Member, canaries: string[]) =>
  canaries.some((c) => c === m.id || c === m.name);

/** The rollout plan, as said on stderr before anything is sent. */
function describe(plan: Rollout, target: string, f: FleetInput): string {
  const lines: string[] = [];
  if (plan.order.length > 0) {
    lines.push(
      `Rollout to ${target}, at most ${f.concurrency} at a time, in this order (${plan.order.length}):`,
    );
    plan.order.forEach((m, i) => {
      const canary = isCanary(m, f.canary) ? ' (canary)' : '';
      lines.push(`  ${i + 1}. ${sanitize(m.name)} (${m.id}) from ${fromVersion(m)}${canary}`);
    });
  } else lines.push(`Nothing to upgrade to ${target}.`);
  if (plan.skipped.length > 0) {
    lines.push(`Skipped (${plan.skipped.length}):`);
    for (const s of plan.skipped)
      lines.push(`  ${sanitize(s.member.name)} (${s.member.id}): ${sanitize(s.reason)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A dry run's updates, in the rollout's order: each read as the rollout would read it. */
async function dryRunWrites(
  api: ApiClient,
  order: Member[],
  target: string,
): Promise<RequestOptions[]> {
  const out: RequestOptions[] = [];
  for (const m of order) {
    const read = await readForUpdate(api, m.id);
    const { body, changed } = upgradeBody(read, target, runningVersions(read.deployment));
    if (changed.length > 0) out.push(updateRequest(m.id, body, { version: read.version }));
  }
  return out;
}

/** `kind/ref_id` → the version its instances run (fleet.ts's lowestRunning). */
function runningVersions(d: Deployment): Map<string, string> {
  const out = new Map<string, string>();
  for (const { kind, r } of eachResource(d)) {
    const v = lowestRunning(r.info.topology?.instances);
    if (v !== undefined) out.set(`${kind}/${r.ref_id}`, v);
  }
  return out;
}

interface RolloutRun {
  target: string;
  plan: Rollout;
  f: FleetInput;
  canaries: Set<string>;
  timeoutMs: number;
  yes: boolean;
  skippedRows: Result[];
}

async function rollout(ctx: Context, api: ApiClient, r: RolloutRun): Promise<void> {
  const { target, f } = r;
  const now = Date.now;
  const results = new Map<string, Result>();
  const row = (m: Member, result: string, code: ExitCodeValue, extra: Partial<Result> = {}) =>
    results.set(m.id, {
      id: m.id,
      name: m.name,
      from: fromVersion(m),
      to: target,
      result,
      exit_code: code,
      ...extra,
    });
  const pacer = new Pacer(api, ctx.signal);
  const progress = new FleetProgress(ctx.io, r.plan.order.length, target, await ctx.stderrChalk());
  const verbose = (line: string) => {
    if (ctx.flags.verbose) ctx.io.stderr.write(`fleet: ${line}\n`);
  };
  verbose(
    `one search per poll for every upgrade in flight, plus one read per upgrade that ended; polls every ${formatDuration(POLL_MS)}, backing off to ${formatDuration(MAX_POLL_MS)} while nothing ends; at most ${MAX_RATE} requests per second`,
  );
  const follower = new FleetFollower(api, {
    pacer,
    signal: ctx.signal,
    onEvent: (e) => {
      if (e.type === 'status') progress.status(e.id, e.running, e.of);
      else if (e.type === 'retry')
        progress.say(
          `ECE did not answer (${e.message}); polling again in ${formatDuration(e.delayMs)}`,
        );
      else
        verbose(
          `poll: ${e.requests} request${e.requests === 1 ? '' : 's'} (1 search for ${e.inFlight} in flight${e.requests > 1 ? `, ${e.requests - 1} read${e.requests > 2 ? 's' : ''} of ended upgrades` : ''}); next in ${formatDuration(e.nextMs)}; ${pacer.count} requests so far`,
        );
    },
  });
  const byId = new Map(r.plan.order.map((m) => [m.id, m]));
  const flying = new Map<string, number>();
  const queue = [...r.plan.order];
  let failures = 0;
  let stop: 'failures' | 'interrupted' | 'cancelled' | undefined;
  let canaryPhase = r.canaries.size > 0;
  let started = 0;

  const fail = (m: Member, code: ExitCodeValue, message: string, step?: string) => {
    failures++;
    row(m, 'failed', code, { message, ...(step === undefined ? {} : { step }) });
    if (failures >= f.maxFailures && !stop) stop = 'failures';
  };

  const start = async (m: Member): Promise<void> => {
    started++;
    try {
      await pacer.turn();
      const read = await readForUpdate(api, m.id);
      let change: ReturnType<typeof upgradeBody>;
      try {
        change = upgradeBody(read, target, runningVersions(read.deployment));
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        return void row(m, 'skipped', ExitCode.OK, { message: `no upgrade path: ${err.message}` });
      }
      if (change.changed.length === 0)
        return void row(m, 'skipped', ExitCode.OK, { message: `already at ${target}` });
      progress.started(m.id, m.name, fromVersion(m), started);
      await pacer.turn();
      const before = await snapshot(api, m.id);
      await pacer.turn();
      flying.set(m.id, now());
      await api.request(updateRequest(m.id, change.body, { version: read.version }));
      follower.add({
        id: m.id,
        targets: targetsFor(change.changed, before),
        deadline: now() + r.timeoutMs,
      });
    } catch (err) {
      if (err instanceof InterruptedError) throw err;
      if (!(err instanceof CliError)) throw err;
      flying.delete(m.id);
      const refused =
        err instanceof ApiError && err.isVersionConflict
          ? new CliError(CHANGED, ExitCode.REJECTED)
          : err;
      progress.ended(m.id, false, `not upgraded: ${refused.message}`);
      fail(m, refused.exitCode, refused.message);
    }
  };

  const ended = (o: FlightOutcome) => {
    const m = byId.get(o.id);
    flying.delete(o.id);
    if (!m) return;
    if (o.ok) {
      progress.ended(o.id, true, '');
      return void row(m, 'upgraded', ExitCode.OK);
    }
    if (o.error) {
      progress.ended(o.id, false, o.error.message);
      return fail(m, o.error.exitCode, o.error.message);
    }
    const message =
      o.what === 'health'
        ? (o.message ?? 'not healthy after the upgrade')
        : `${o.what ?? 'a'} plan failed at step ${o.step ?? '?'}${o.message ? `: ${o.message}` : ''}`;
    progress.ended(o.id, false, message);
    fail(m, ExitCode.PLAN_FAILED, message, o.what === 'health' ? 'health' : o.step);
  };

  try {
    for (;;) {
      while (!stop && follower.size < f.concurrency && queue.length > 0) {
        const next = queue[0] as Member;
        if (canaryPhase && !r.canaries.has(next.id)) {
          // The canaries first, every one of them ended, then the question.
          if (follower.size > 0) break;
          canaryPhase = false;
          progress.stop();
          const rest = queue.length;
          try {
            await confirmAgain(
              ctx,
              `The canaries are done. Upgrade the other ${rest} deployment${rest === 1 ? '' : 's'}?`,
              r.yes,
            );
          } catch (err) {
            if (!(err instanceof UsageError)) throw err;
            stop = 'cancelled';
            break;
          }
          continue;
        }
        queue.shift();
        await start(next);
      }
      if (follower.size === 0) break;
      for (const o of await follower.next()) ended(o);
    }
  } catch (err) {
    if (!(err instanceof InterruptedError)) throw err;
    stop = 'interrupted';
  } finally {
    progress.stop();
  }

  for (const id of flying.keys()) {
    const m = byId.get(id);
    if (m) row(m, 'running', ExitCode.INTERRUPTED, { message: 'left running in ECE' });
  }
  for (const m of queue) row(m, stop === 'cancelled' ? 'cancelled' : 'not started', ExitCode.OK);
  const rows = [...r.plan.order.map((m) => results.get(m.id) as Result), ...r.skippedRows];
  for (const x of rows)
    if (x.result === 'failed')
      ctx.io.stderr.write(`error: ${sanitize(x.name)}: ${sanitize(x.message ?? 'failed')}\n`);
  ctx.io.stderr.write(`${summary(rows, stop)}\n`);
  const renderer = await ctx.renderer();
  // JSON, YAML and --query (JMESPath over the rows), as for any body.
  if (renderer.raw) await renderer.body(resultsBody(rows), RAW);
  else renderer.grid(grid(rows));
  const codes = rows.map((x) => x.exit_code);
  if (stop === 'interrupted') codes.push(ExitCode.INTERRUPTED);
  if (stop === 'cancelled') codes.push(ExitCode.USAGE);
  const code = mostSevere(codes);
  if (code !== ExitCode.OK) {
    const e = new CliError('', code);
    e.silent = true;
    throw e;
  }
}
