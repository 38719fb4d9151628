// `ece deployments plan cancel`: cancel the pending plan of a resource. Without
// --kind it finds the resource that has one (several: asks for --kind, exit 2;
// none: says so, exit 3). Asks first; --yes skips that; --dry-run shows the write.

import type { Command } from 'commander';
import { parseBody } from '../../../api/body.js';
import type { ApiClient } from '../../../api/client.js';
import { cancelPlanRequest, type Deployment, getDeployment } from '../../../api/deployments.js';
import type { Context } from '../../../context.js';
import { CliError, ExitCode, UsageError } from '../../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../../output/prompt.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';
import { resolveDeployment } from '../resolve.js';
import { checkKind, KIND_HELP, REF_ID_HELP, refIdOf } from '../resource.js';

export interface CancelFlags {
  kind?: string;
  refId?: string;
  yes?: boolean;
}

export function register(plan: Command, contexts: Contexts): void {
  plan
    .command('cancel')
    .description('Cancel the pending plan of a resource (asks first)')
    .argument('<deployment>', 'deployment id or exact name')
    .option('--kind <kind>', `${KIND_HELP} (default: the resource that has a pending plan)`)
    .option('--ref-id <ref-id>', REF_ID_HELP)
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece deployments plan cancel prod-logs --yes\n  $ ece deployments plan cancel prod-logs --kind elasticsearch --yes',
    )
    .action(act(contexts, (ctx, ref: string, flags: CancelFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: CancelFlags, ctx: Context): Promise<void> {
  if (flags.kind !== undefined) checkKind(flags.kind);
  if (flags.refId !== undefined && flags.kind === undefined)
    throw new UsageError('--ref-id needs --kind');
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const { id, name } = await resolveDeployment(api, ref);
  const { kind, refId } =
    flags.kind === undefined
      ? await pendingResource(api, id)
      : { kind: flags.kind, refId: await refIdOf(api, id, flags.kind, flags.refId) };
  const write = cancelPlanRequest(id, kind, refId);
  if (showDryRun(ctx, api, write)) return;
  await confirmOrFail(
    ctx.io,
    `Cancel the pending plan of ${kind} ${refId} in deployment ${name ?? id}?`,
    flags.yes,
  );
  await api.request(write);
  ctx.io.stderr.write(`Cancelled the pending plan of ${kind} ${refId}.\n`);
}

/** The one resource with a pending plan; none or several is an error naming them. */
async function pendingResource(
  api: ApiClient,
  id: string,
): Promise<{ kind: string; refId: string }> {
  const d = parseBody<Deployment>(await getDeployment(api, id, { plans: true }));
  const pending = Object.entries(d.resources ?? {}).flatMap(([kind, list]) =>
    (list ?? []).filter((r) => r.info?.plan_info?.pending).map((r) => ({ kind, refId: r.ref_id })),
  );
  const [only] = pending;
  if (pending.length === 1 && only) return only;
  const label = d.name ? `${d.name} (${id})` : id;
  if (pending.length === 0)
    throw new CliError(`deployment ${label} has no pending plan to cancel`, ExitCode.NOT_FOUND);
  throw new UsageError(
    `deployment ${label} has ${pending.length} pending plans; pick one with --kind (${pending.map((p) => `--kind ${p.kind} --ref-id ${p.refId}`).join(', ')})`,
  );
}
