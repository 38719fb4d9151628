// The one executor: runs a verb's plan the same way for every verb.
// 1. the input checked and typed (verb.input), --wait-timeout checked;
// 2. a destructive call without a terminal and without --yes stops here
//    (exit 2), before any request: it would have to ask;
// 3. the plan: the reads it needs (a dry run sends those too, noting each);
// 4. --dry-run: every write as a curl line on stdout, nothing sent, no prompt
//    (a local change: not made, its dry-run line on stderr);
// 5. a destructive call asks (--yes skips); the writes go out in order;
// 6. stdout (JSON byte for byte, YAML, --query, table, TSV), the note on
//    stderr, and --wait through the one plan follower.
// Exit codes come from the errors thrown, mapped in cli.ts.

import type { ApiResponse } from '../../api/body.js';
import type { Context } from '../../context.js';
import { ApiError, UsageError } from '../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { RAW } from '../../output/raw.js';
import type { Effect, ModelFlags, Output, Plan, Raw, Verb } from './types.js';
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
    // Nothing would be sent, so there is no curl line: say what was not done.
    ctx.io.stderr.write(`${plan.local.dryRun}\n`);
    return;
  }
  if (ctx.flags.dryRun && writes.length > 0) {
    const api = await ctx.api();
    for (const w of writes) ctx.io.stdout.write(`${api.curl(w)}\n`);
    return;
  }
  if ((plan.effect ?? run.effect) === 'destructive' && (writes.length > 0 || plan.local)) {
    const question = plan.confirm ?? 'Go ahead?';
    if (!run.approver) await confirmOrFail(ctx.io, question, run.yes);
    else if (!(await run.approver.approve(question))) throw new UsageError('cancelled');
  }
  await plan.local?.apply();
  const waiting = run.wait && plan.wait !== undefined;
  if (waiting) await plan.wait?.before?.();
  const sent: ApiResponse[] = [];
  if (writes.length > 0) {
    const api = await ctx.api();
    for (const w of writes) {
      try {
        sent.push(await api.request(w));
      } catch (err) {
        const replaced = err instanceof ApiError ? plan.fail?.(err) : undefined;
        if (replaced) throw replaced;
        const hint = err instanceof ApiError ? plan.hint?.(err) : undefined;
        if (hint !== undefined && err instanceof ApiError) err.hints.push(hint);
        throw err;
      }
    }
  }
  await show(plan, sent, ctx);
  const done = typeof plan.done === 'function' ? plan.done(sent) : plan.done;
  if (done !== undefined) ctx.io.stderr.write(`${done}\n`);
  if (waiting && plan.wait) {
    const { follow } = await import('../deployments/wait.js');
    const targets = await plan.wait.targets(sent);
    await follow(ctx, await ctx.api(), plan.wait.deployment, targets, run.timeoutMs ?? 0);
  }
}

async function show(plan: Plan, sent: ApiResponse[], ctx: Context): Promise<void> {
  const output: Output | undefined =
    typeof plan.output === 'function' ? plan.output(sent) : plan.output;
  const last = sent.at(-1);
  if (output === undefined && last === undefined) return;
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
