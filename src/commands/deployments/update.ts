// `ece deployments update`: apply a changed definition (DeploymentUpdateRequest);
// resources left out are shut down only with --prune-orphans, after asking.
// --if-version N makes it conditional, like kubectl's resourceVersion or an
// HTTP If-Match: ECE applies it only if the deployment is still at version N
// (x-cloud-resource-version, which show --update-payload prints), else exit 5.
// With --wait, a definition that changes nothing (ECE starts no plan) ends
// at once instead of waiting for a plan that never comes.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { shellQuote } from '../../api/curl.js';
import { type Deployment, getDeployment, updateRequest } from '../../api/deployments.js';
import { type Before, snapshot, targetsFor } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, ExitCode, UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { CHANGED } from './payload.js';
import { resolveDeployment } from './resolve.js';
import { addWaitOptions, anyPlanStarted, follow, type WaitFlags, waitTimeoutMs } from './wait.js';

export interface UpdateFlags extends WaitFlags {
  file?: string;
  ifVersion?: string;
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
    .option(
      '--if-version <version>',
      'apply only if the deployment is still at this version (x-cloud-resource-version), else exit 5',
    )
    .option('--prune-orphans', 'shut down resources the definition leaves out (asks first)')
    .option('--skip-snapshot', 'do not snapshot before pruned resources are shut down')
    .option('--validate-only', 'check the change without applying it')
    .option('-y, --yes', 'do not ask for confirmation');
  addWaitOptions(cmd)
    .addHelpText(
      'after',
      `
The file is a DeploymentUpdateRequest ({"resources": {...}}); prune_orphans
comes from --prune-orphans, never from the file. Without --if-version the
last writer wins; with it, a deployment changed since that version is not
touched (exit 5: "the deployment changed since it was read"). show
--update-payload prints the version it read on stderr. With --wait, a
definition that changes nothing ends at once: no plan was started.

Examples:
  $ ece deployments show prod-logs --update-payload > update.json   # prints --if-version N
  $ ece deployments update prod-logs -f update.json --if-version 42 --wait
  $ ece deployments show prod-logs --update-payload | ece deployments update prod-logs -f -`,
    )
    .action(act(contexts, (ctx, ref: string, flags: UpdateFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: UpdateFlags, ctx: Context): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  if (flags.pruneOrphans && !ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  if (flags.validateOnly && flags.wait)
    throw new UsageError('--validate-only changes nothing to wait for');
  const version = flags.ifVersion?.trim();
  if (version !== undefined && !/^\d+$/.test(version))
    throw new UsageError(
      `invalid --if-version "${flags.ifVersion}": give the number show --update-payload printed`,
    );
  const body = await readDocument(ctx.io, flags.file ?? '-');
  if (body.prune_orphans === true && !flags.pruneOrphans) {
    ctx.warn('the file says prune_orphans: true; that is ignored without --prune-orphans');
  }
  body.prune_orphans = flags.pruneOrphans === true;
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const { id, name } = await resolveDeployment(api, ref);
  const write = updateRequest(id, body, {
    version,
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
  let res: Awaited<ReturnType<ApiClient['request']>>;
  try {
    res = await api.request(write);
  } catch (err) {
    // 409 to a conditional update: someone changed the deployment since that version.
    if (err instanceof ApiError && err.isVersionConflict && version !== undefined) {
      const changed = new CliError(CHANGED, ExitCode.REJECTED);
      changed.hints.push(
        `read it again with \`ece deployments show ${shellQuote(ref)} --update-payload\`, and re-apply your change`,
      );
      throw changed;
    }
    throw err;
  }
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
    const targets = targetsFor(keys, before);
    // The wait starts here: reading whether a plan started is part of it.
    const started = Date.now();
    if (targets.length > 0 && !(await anyPlanStarted(ctx, api, id, targets, started + timeoutMs))) {
      ctx.io.stderr.write('No plan was started: the definition changes nothing.\n');
      return;
    }
    await follow(ctx, api, id, targets, timeoutMs, started);
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
