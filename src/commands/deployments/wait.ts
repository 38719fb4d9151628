// --wait and --wait-timeout for every command that starts a plan: follow the
// plans to the end with progress on stderr; exit 7 on a failed plan, 8 at the
// deadline, 130 on Ctrl-C (the plan goes on in ECE). An update may change
// nothing, and then ECE starts no plan: anyPlanStarted tells, before follow.

import { attempts, locate } from '../../api/attempts.js';
import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { type Deployment, getDeployment } from '../../api/deployments.js';
import { GRACE_POLLS, type Target, waitForPlans } from '../../api/plans.js';
import { untilDeadline } from '../../api/retry.js';
import type { Context } from '../../context.js';
import { formatDuration } from '../../duration.js';
import { InterruptedError, NetworkError, PlanFailedError, WaitTimeoutError } from '../../errors.js';
import { PlanProgress } from '../../output/progress.js';

export {
  addWaitOptions,
  DEFAULT_WAIT_TIMEOUT,
  type WaitFlags,
  waitTimeoutMs,
} from '../run/wait-flags.js';

/** `started`: when the wait began, if before this call (update reads first whether a plan started). */
export async function follow(
  ctx: Context,
  api: ApiClient,
  id: string,
  targets: Target[],
  timeoutMs: number,
  started = Date.now(),
): Promise<void> {
  if (targets.length === 0) {
    ctx.io.stderr.write('No plan was started: nothing to wait for.\n');
    return;
  }
  const progress = new PlanProgress(ctx.io, targets, await ctx.stderrChalk());
  try {
    const outcomes = await waitForPlans(api, id, targets, {
      deadline: started + timeoutMs,
      signal: ctx.signal,
      onEvent: (e) => progress.event(e),
    });
    progress.stop();
    // The live lines end in "done"; say which of those saw no new plan at all.
    if (ctx.io.stderrIsTTY) {
      for (const o of outcomes.filter((x) => x.unchanged))
        ctx.io.stderr.write(`${o.target.kind} ${o.target.refId}: no new plan; left unchanged.\n`);
    }
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length > 0) {
      throw new PlanFailedError(
        failed.map(
          (o) =>
            `${o.target.kind} ${o.target.refId}: the plan failed at step ${o.step ?? '?'}${o.message ? `: ${o.message}` : ''}`,
        ),
      );
    }
    ctx.io.stderr.write(`${finished(targets)} ${formatDuration(Date.now() - started)}.\n`);
  } catch (err) {
    progress.stop();
    // A stop/start starts no plan: nothing to re-attach to, the status shows how it goes.
    const plans = targets.some((t) => t.status === undefined);
    const again = plans ? `ece deployments plan watch ${id}` : `ece deployments show ${id}`;
    if (err instanceof InterruptedError) {
      throw new InterruptedError(
        plans
          ? `stopped waiting; the plan goes on in ECE (follow it with \`${again}\`)`
          : `stopped waiting; ECE goes on (see \`${again}\`)`,
      );
    }
    if (err instanceof WaitTimeoutError && plans) err.hints.push(`follow it with \`${again}\``);
    throw err;
  }
}

/**
 * Whether ECE started a plan for any target: reads until one shows an
 * attempt it did not have before (a plan may show a poll or two late, as in
 * follow), and gives up after GRACE_POLLS more reads a second apart — as
 * ECE's own tracker ends when no pending plan shows for a few polls.
 */
export async function anyPlanStarted(
  ctx: Context,
  api: ApiClient,
  id: string,
  targets: Target[],
  deadline: number,
  pollMs = 1_000,
): Promise<boolean> {
  for (let read = 0; ; read++) {
    const d = parseBody<Deployment>(
      await getDeployment(api, id, { plans: true, logs: true, history: true, deadline }).catch(
        (err: unknown) => {
          // Part of the wait: a read its deadline cut short is the wait's end (exit 8).
          if (err instanceof NetworkError && Date.now() >= deadline)
            throw new WaitTimeoutError(
              `gave up waiting (--wait-timeout) before ECE showed whether a plan started; see \`ece deployments plan history ${id}\``,
            );
          throw err;
        },
      ),
    );
    for (const t of targets) {
      const r = d.resources?.[t.kind as keyof Deployment['resources']]?.find(
        (x) => x.ref_id === t.refId,
      );
      if (r && locate(attempts(r.info.plan_info, true), t.before, true) >= 0) return true;
    }
    if (read >= GRACE_POLLS) return false;
    await api.pause(untilDeadline(pollMs, deadline), ctx.signal);
  }
}

const KIND_NAMES: Record<string, string> = {
  elasticsearch: 'Elasticsearch',
  kibana: 'Kibana',
  apm: 'APM',
  integrations_server: 'Integrations Server',
  enterprise_search: 'Enterprise Search',
  appsearch: 'App Search',
};

/** What ended: the plans, or (stop/start, which start none) the resources' new status. */
function finished(targets: Target[]): string {
  const [only] = targets;
  if (only?.status === undefined || targets.length > 1) return 'Plan finished in';
  return `${KIND_NAMES[only.kind] ?? only.kind} ${only.refId} ${only.status} in`;
}
