// `ece deployments update`: apply a changed definition (DeploymentUpdateRequest);
// resources left out are shut down only with --prune-orphans, after asking.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { updateDeployment } from '../../api/deployments.js';
import { type Before, snapshot, targetsFor } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { resolveDeployment } from './resolve.js';
import { addWaitOptions, follow, type WaitFlags, waitTimeoutMs } from './wait.js';

export interface UpdateFlags extends WaitFlags {
  file?: string;
  pruneOrphans?: boolean;
  skipSnapshot?: boolean;
  validateOnly?: boolean;
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  const cmd = group
    .command('update')
    .description('Apply a changed definition to a deployment (resize, upgrade, reconfigure)')
    .argument('<deployment>', 'deployment id or exact name')
    .requiredOption('-f, --file <file>', 'update request, JSON or YAML (- for stdin)')
    .option('--prune-orphans', 'shut down resources the definition leaves out (asks first)')
    .option('--skip-snapshot', 'do not snapshot before pruned resources are shut down')
    .option('--validate-only', 'check the change without applying it')
    .option('-y, --yes', 'do not ask for confirmation');
  addWaitOptions(cmd)
    .addHelpText(
      'after',
      `
The file is a DeploymentUpdateRequest ({"resources": {...}}); prune_orphans
comes from --prune-orphans, never from the file.

Examples:
  $ ece deployments update prod-logs -f resize.json --wait
  $ ece deployments show prod-logs --json --plans --query '{resources: ...}' > current.json`,
    )
    .action(act(contexts, (ctx, ref: string, flags: UpdateFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: UpdateFlags, ctx: Context): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  if (flags.pruneOrphans) requireConfirmable(ctx.io, flags.yes);
  if (flags.validateOnly && flags.wait)
    throw new UsageError('--validate-only changes nothing to wait for');
  const body = await readDocument(ctx.io, flags.file ?? '-');
  if (body.prune_orphans === true && !flags.pruneOrphans) {
    ctx.warn('the file says prune_orphans: true; that is ignored without --prune-orphans');
  }
  body.prune_orphans = flags.pruneOrphans === true;
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const { id, name } = await resolveDeployment(api, ref);
  if (flags.pruneOrphans && !flags.validateOnly) {
    await confirmOrFail(
      ctx.io,
      `Shut down the resources of ${name ?? id} that the definition leaves out?`,
      flags.yes,
    );
  }
  const before = flags.wait ? await snapshot(api, id) : new Map<string, Before>();
  const res = await updateDeployment(api, id, body, {
    skipSnapshot: flags.skipSnapshot,
    validateOnly: flags.validateOnly,
  });
  const updated = parseBody<{ id: string; name: string }>(res);
  if (renderer.raw) {
    await renderer.body(res, RAW);
  }
  if (flags.validateOnly) {
    ctx.io.stderr.write('The change is valid; nothing was applied.\n');
    return;
  }
  ctx.io.stderr.write(`Updating deployment ${updated.name} (${updated.id}).\n`);
  if (flags.wait) {
    // The resources in the request get new plans; with --prune-orphans the others get shutdown plans.
    const keys = new Set<string>(flags.pruneOrphans ? before.keys() : []);
    for (const [kind, list] of Object.entries(
      (body.resources ?? {}) as Record<string, { ref_id?: string }[]>,
    )) {
      for (const r of Array.isArray(list) ? list : [])
        if (typeof r?.ref_id === 'string') keys.add(`${kind}/${r.ref_id}`);
    }
    await follow(ctx, api, id, targetsFor(keys, before), timeoutMs);
  }
}
