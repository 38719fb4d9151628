// `ece deployments update`: apply a changed definition (DeploymentUpdateRequest);
// resources left out are shut down only with --prune-orphans, after asking.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { type Deployment, getDeployment, updateRequest } from '../../api/deployments.js';
import { type Before, snapshot, targetsFor } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
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
  if (flags.pruneOrphans && !ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
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
  const write = updateRequest(id, body, {
    skipSnapshot: flags.skipSnapshot,
    validateOnly: flags.validateOnly,
  });
  if (flags.pruneOrphans && !flags.validateOnly) {
    const orphans = await orphansOf(api, id, body.resources);
    const list = orphans.map((o) => o.replace('/', ' ')).join(', ');
    if (ctx.flags.dryRun) {
      ctx.io.stderr.write(
        orphans.length
          ? `dry run: --prune-orphans would shut down ${list}\n`
          : 'dry run: --prune-orphans would shut nothing down: the definition names every resource\n',
      );
    } else if (orphans.length) {
      await confirmOrFail(
        ctx.io,
        `Shut down ${list} of deployment ${name ?? id}? The definition leaves ${orphans.length === 1 ? 'it' : 'them'} out.`,
        flags.yes,
      );
    }
  }
  if (showDryRun(ctx, api, write)) return;
  const before = flags.wait ? await snapshot(api, id) : new Map<string, Before>();
  const res = await api.request(write);
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

/** The deployment's resources (`kind/ref_id`) that the update request leaves out. */
async function orphansOf(api: ApiClient, id: string, resources: unknown): Promise<string[]> {
  const d = parseBody<Deployment>(await getDeployment(api, id, { plans: false }));
  const named = new Set<string>();
  for (const [kind, list] of Object.entries((resources ?? {}) as Record<string, unknown>))
    for (const r of Array.isArray(list) ? list : [])
      if (typeof r?.ref_id === 'string') named.add(`${kind}/${r.ref_id}`);
  return Object.entries(d.resources ?? {}).flatMap(([kind, list]) =>
    (list ?? []).map((r) => `${kind}/${r.ref_id}`).filter((k) => !named.has(k)),
  );
}
