// The one executor: runs a verb's plan the same way for every verb.
// 1. the input checked and typed (verb.input), --wait-timeout checked;
// 2. a destructive call without a terminal and without --yes stops here
//    (exit 2), before any request: it would have to ask; a verb declared for
//    some ECE versions (`ece`) stops here on another (exit 2);
// 3. the plan: the reads it needs (a dry run sends those too, noting each);
// 4. --dry-run: every write as a curl line on stdout, nothing sent, no prompt
//    (a local change: not made, its dry-run line on stderr);
// 5. a destructive call asks (--yes skips); the writes go out in order;
// 6. stdout (JSON byte for byte, YAML, --query, table, TSV), the note on
//    stderr, and --wait through the one plan follower;
// 7. a plan over many targets (plan.sendEach) sends and reports them itself in
//    place of step 5's writes; its code, or plan.exitCode, is the call's.
// Exit codes come from the errors thrown, mapped in cli.ts.

import type { ApiResponse } from '../../api/body.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, type ExitCodeValue, UsageError } from '../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { RAW } from '../../output/raw.js';
import { checkEceVersion } from './ece-version.js';
import { printExact } from './exact.js';
import type { Effect, ModelFlags, Output, Plan, Raw, Verb, WaitPlan } from './types.js';
import { waitTimeoutMs } from './wait-flags.js';

/** Who approves a destructive call when it is not a person at a terminal (`ece mcp`). */
export interface Approver {
  /**
   * Asked in place of the terminal's [y/N], with the plan's question, once
   * the reads are done and before anything is sent: false cancels (exit 2,
   * nothing sent); it may also throw its own refusal. A run with an approver
   * needs no terminal and no --yes.
   */
  approve(question: string): Promise<boolean>;
}

/** Runs a verb from the raw input commander parsed (or, with an approver, built by ece mcp). */
export async function execute<I>(
  verb: Verb<I>,
  raw: Raw,
  ctx: Context,
  approver?: Approver,
): Promise<void> {
  const flags = raw as ModelFlags;
  const input = inputOf(verb, raw);
  const timeoutMs = verb.waits ? waitTimeoutMs(flags) : undefined;
  const dryRun = ctx.flags.dryRun === true;
  const effect = verb.effectOf?.(input) ?? verb.effect;
  if (effect === 'destructive' && !dryRun && !approver) requireConfirmable(ctx.io, flags.yes);
  const range = verb.eceOf?.(input) ?? verb.ece;
  if (range) await checkEceVersion(ctx, range);
  const plan = await verb.plan(input, ctx);
  await carryOut(
    plan,
    { effect, yes: flags.yes, wait: flags.wait === true, timeoutMs, approver },
    ctx,
  );
}

/** The typed input a verb's plan gets: its own checks (verb.input), and --yes/--wait as given. */
export function inputOf<I>(verb: Verb<I>, raw: Raw): I & ModelFlags {
  return { ...(verb.input ? verb.input(raw) : (raw as I)), ...modelFlags(raw as ModelFlags) };
}

function modelFlags(flags: ModelFlags): ModelFlags {
  const out: ModelFlags = {};
  if (flags.yes !== undefined) out.yes = flags.yes;
  if (flags.wait !== undefined) out.wait = flags.wait;
  if (flags.waitTimeout !== undefined) out.waitTimeout = flags.waitTimeout;
  return out;
}

/** Steps 4 to 6 for a plan made (exported for verbs that plan several calls). */
export async function carryOut(
  plan: Plan,
  run: {
    effect: Effect;
    yes: boolean | undefined;
    wait: boolean;
    timeoutMs: number | undefined;
    approver?: Approver | undefined;
  },
  ctx: Context,
): Promise<void> {
  const writes = plan.writes ?? [];
  if (ctx.flags.dryRun && plan.local) {
    // Not made: the requests it would send to hosts of its own, and what was not done.
    for (const line of plan.local.curl ?? []) ctx.io.stdout.write(`${line}\n`);
    if (plan.local.dryRun) ctx.io.stderr.write(`${plan.local.dryRun}\n`);
    return;
  }
  // Many targets (plan.sendEach): the writes it would send, then nothing more.
  if (ctx.flags.dryRun && (writes.length > 0 || plan.sendEach)) {
    if (plan.dryRunNote !== undefined) ctx.io.stderr.write(`${plan.dryRunNote}\n`);
    const api = await ctx.api();
    for (const w of writes) ctx.io.stdout.write(`${api.curl(w)}\n`);
    if (plan.outcome) throw plan.outcome;
    return;
  }
  if (
    (plan.effect ?? run.effect) === 'destructive' &&
    (writes.length > 0 || plan.local || plan.sendEach)
  ) {
    const question = plan.confirm ?? 'Go ahead?';
    if (!run.approver) await confirmOrFail(ctx.io, question, run.yes);
    else if (!(await run.approver.approve(question))) throw new UsageError('cancelled');
  }
  await plan.local?.apply();
  if (plan.sendEach) {
    const code = await plan.sendEach({ wait: run.wait, timeoutMs: run.timeoutMs });
    await show(plan, [], ctx);
    const done = typeof plan.done === 'function' ? plan.done([]) : plan.done;
    if (done !== undefined) ctx.io.stderr.write(`${done}\n`);
    exitWith(code);
    return;
  }
  const waiting = plan.wait !== undefined && (run.wait || plan.wait.timeoutMs !== undefined);
  if (waiting) await plan.wait?.before?.();
  const sent: ApiResponse[] = [];
  if (writes.length > 0) {
    const api = await ctx.api();
    try {
      if (plan.send) sent.push(...(await plan.send(api)));
      else for (const w of writes) sent.push(await api.request(w));
    } catch (caught) {
      const err = plan.onError ? plan.onError(caught) : caught;
      const replaced = err instanceof ApiError ? plan.fail?.(err) : undefined;
      if (replaced) throw replaced;
      const hint = err instanceof ApiError ? plan.hint?.(err) : undefined;
      if (hint !== undefined && err instanceof ApiError) err.hints.push(hint);
      throw err;
    }
  }
  await show(plan, sent, ctx);
  const done = typeof plan.done === 'function' ? plan.done(sent) : plan.done;
  if (done !== undefined) ctx.io.stderr.write(`${done}\n`);
  // An answer (diff's 10) ends the call here: nothing is followed after it.
  exitWith(plan.exitCode);
  if (!ctx.flags.dryRun) await plan.after?.(sent);
  if (plan.outcome) throw plan.outcome;
  if (waiting && plan.wait) await followWait(plan.wait, sent, run.timeoutMs, ctx);
}

async function followWait(
  wait: WaitPlan,
  sent: ApiResponse[],
  timeoutMs: number | undefined,
  ctx: Context,
): Promise<void> {
  const { anyPlanStarted, follow } = await import('../deployments/wait.js');
  const api = await ctx.api();
  const id = typeof wait.deployment === 'function' ? wait.deployment(sent) : wait.deployment;
  const ms = wait.timeoutMs ?? timeoutMs ?? 0;
  const targets = await wait.targets(sent);
  // The wait starts here: reading whether a plan started is part of it.
  const started = Date.now();
  if (
    wait.unchanged !== undefined &&
    targets.length > 0 &&
    !(await anyPlanStarted(ctx, api, id, targets, started + ms))
  ) {
    ctx.io.stderr.write(`${wait.unchanged}\n`);
    return;
  }
  await follow(ctx, api, id, targets, ms, started);
}

/**
 * A second question within one call (a rollout's "the canaries are done, go
 * on?"): the same rule as the first, so --yes answers it and "no" is exit 2.
 */
export function confirmAgain(ctx: Context, question: string, yes: boolean | undefined) {
  return confirmOrFail(ctx.io, question, yes);
}

/** Ends a call that already said everything with a code other than 0 (nothing more printed). */
function exitWith(code: ExitCodeValue | undefined): void {
  if (code === undefined || code === 0) return;
  const err = new CliError('', code);
  err.silent = true;
  throw err;
}

async function show(plan: Plan, sent: ApiResponse[], ctx: Context): Promise<void> {
  const output: Output | null | undefined =
    typeof plan.output === 'function' ? plan.output(sent) : plan.output;
  if (output === null) return;
  const last = sent.at(-1);
  if (output === undefined && last === undefined) return;
  if (output !== undefined && 'exact' in output) return printExact(output, ctx);
  const renderer = await ctx.renderer({ jmespath: plan.jmespath });
  if (output === undefined) {
    // A write's answer: the body for JSON, YAML and --query; a table run has the note.
    if (renderer.raw && last) await renderer.body(last, RAW);
    return;
  }
  if ('view' in output) await renderer.body(output.body, output.view, output.parsed);
  else if (renderer.raw) await renderer.body(output.body, RAW);
  else await output.print(renderer, ctx.io);
}
