// `ece deployments shutdown|restore|delete`: the whole deployment's lifecycle.
// shutdown and delete ask first (showing the name); --yes skips that.

import type { Command } from 'commander';
import { deleteDeployment, restoreDeployment, shutdownDeployment } from '../../api/deployments.js';
import { snapshot, targetsFor } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { ApiError } from '../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { resolveDeployment } from './resolve.js';
import { addWaitOptions, follow, type WaitFlags, waitTimeoutMs } from './wait.js';

interface LifecycleFlags extends WaitFlags {
  skipSnapshot?: boolean;
  restoreSnapshot?: boolean;
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  const shutdown = group
    .command('shutdown')
    .description('Shut a deployment down: stop all its resources (asks first)')
    .argument('<deployment>', 'deployment id or exact name')
    .option('--skip-snapshot', 'do not take a snapshot first')
    .option('-y, --yes', 'do not ask for confirmation');
  addWaitOptions(shutdown)
    .addHelpText('after', '\nExamples:\n  $ ece deployments shutdown staging-search --yes --wait')
    .action(
      act(contexts, (ctx, ref: string, flags: LifecycleFlags) => runShutdown(ref, flags, ctx)),
    );

  const restore = group
    .command('restore')
    .description('Bring a shut-down deployment back')
    .argument('<deployment>', 'deployment id or exact name')
    .option('--restore-snapshot', 'restore the latest snapshot too');
  addWaitOptions(restore)
    .addHelpText('after', '\nExamples:\n  $ ece deployments restore staging-search --wait')
    .action(
      act(contexts, (ctx, ref: string, flags: LifecycleFlags) => runRestore(ref, flags, ctx)),
    );

  group
    .command('delete')
    .alias('rm')
    .description('Delete a shut-down deployment for good (asks first)')
    .argument('<deployment>', 'deployment id or exact name')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      '\nA running deployment must be shut down first.\n\nExamples:\n  $ ece deployments shutdown old-logs --yes --wait && ece deployments delete old-logs --yes',
    )
    .action(act(contexts, (ctx, ref: string, flags: LifecycleFlags) => runDelete(ref, flags, ctx)));
}

async function describe(ctx: Context, ref: string) {
  const api = await ctx.api();
  const resolved = await resolveDeployment(api, ref);
  return {
    api,
    ...resolved,
    label: resolved.name ? `"${resolved.name}" (${resolved.id})` : resolved.id,
  };
}

export async function runShutdown(ref: string, flags: LifecycleFlags, ctx: Context): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  requireConfirmable(ctx.io, flags.yes);
  const { api, id, label } = await describe(ctx, ref);
  await confirmOrFail(ctx.io, `Shut down deployment ${label}? Its resources stop.`, flags.yes);
  const before = await snapshot(api, id);
  const res = await shutdownDeployment(api, id, { skipSnapshot: flags.skipSnapshot });
  await report(ctx, res.text, `Shutting down deployment ${label}.`);
  // A resource that is already stopped gets no shutdown plan: nothing to wait for.
  const running = [...before].filter(([, b]) => b.status !== 'stopped').map(([k]) => k);
  if (flags.wait) await follow(ctx, api, id, targetsFor(running, before), timeoutMs);
}

export async function runRestore(ref: string, flags: LifecycleFlags, ctx: Context): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  const { api, id, label } = await describe(ctx, ref);
  const before = await snapshot(api, id);
  const res = await restoreDeployment(api, id, { restoreSnapshot: flags.restoreSnapshot });
  await report(ctx, res.text, `Restoring deployment ${label}.`);
  if (flags.wait) await follow(ctx, api, id, targetsFor(before.keys(), before), timeoutMs);
}

export async function runDelete(ref: string, flags: LifecycleFlags, ctx: Context): Promise<void> {
  requireConfirmable(ctx.io, flags.yes);
  const { api, id, label } = await describe(ctx, ref);
  await confirmOrFail(ctx.io, `Delete deployment ${label} for good?`, flags.yes);
  try {
    const res = await deleteDeployment(api, id);
    await report(ctx, res.text, `Deleted deployment ${label}.`);
  } catch (err) {
    if (
      err instanceof ApiError &&
      err.status === 400 &&
      err.errors.some((e) => e.code === 'deployments.resource_not_shutdown')
    ) {
      err.hints.push(
        `a running deployment must be shut down first: ece deployments shutdown ${id} --wait`,
      );
    }
    throw err;
  }
}

/** The API's body with --json; a line on stderr either way. */
async function report(ctx: Context, body: string, message: string): Promise<void> {
  const renderer = await ctx.renderer();
  if (renderer.raw) await renderer.body(body, RAW);
  ctx.io.stderr.write(`${message}\n`);
}
