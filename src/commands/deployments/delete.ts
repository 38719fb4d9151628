// `ece deployments delete`: remove a shut-down deployment for good. Asks
// first (showing the name); --yes skips that; --dry-run shows the write.

import type { Command } from 'commander';
import { deleteRequest } from '../../api/deployments.js';
import type { Context } from '../../context.js';
import { ApiError } from '../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { report, target } from './target.js';

export function register(group: Command, contexts: Contexts): void {
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
    .action(act(contexts, (ctx, ref: string, flags: { yes?: boolean }) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: { yes?: boolean }, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const { api, id, label } = await target(ctx, ref);
  const write = deleteRequest(id);
  if (showDryRun(ctx, api, write)) return;
  await confirmOrFail(ctx.io, `Delete deployment ${label} for good?`, flags.yes);
  try {
    const res = await api.request(write);
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
