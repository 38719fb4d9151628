// `ece deployments restart|stop|start` and `plan cancel`: commands on one
// resource of a deployment. --ref-id may be left out where the kind has
// exactly one resource.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import {
  cancelPendingPlan,
  type Deployment,
  getDeployment,
  PLAN_CHANGE_ERROR,
  restartResource,
  setInstances,
} from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import { type Before, NOTHING_BEFORE, snapshot } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, ExitCode, UsageError } from '../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { registerPlan } from './plan/index.js';
import { resolveDeployment } from './resolve.js';
import { addWaitOptions, follow, type WaitFlags, waitTimeoutMs } from './wait.js';

interface ResourceFlags extends WaitFlags {
  kind?: string;
  refId?: string;
  yes?: boolean;
  cancelPending?: boolean;
}

/** ECE's name for the main resource of a kind, accepted wherever a ref_id is. */
const MAIN = '_main';

const KIND_HELP = `resource kind: ${KINDS.join(', ')}`;

export function register(group: Command, contexts: Contexts): void {
  const verbs = [
    ['restart', 'Restart the instances of a resource', 'restart'],
    ['stop', 'Stop the instances of a resource', '_stop'],
    ['start', 'Start the stopped instances of a resource', '_start'],
  ] as const;
  for (const [verb, description, action] of verbs) {
    const cmd = group
      .command(verb)
      .description(description)
      .argument('<deployment>', 'deployment id or exact name')
      .option('--kind <kind>', KIND_HELP, 'elasticsearch')
      .option(
        '--ref-id <ref-id>',
        'which resource of that kind (needed only when there are several; _main for the main one)',
      );
    if (verb === 'restart')
      cmd.option(
        '--cancel-pending',
        'cancel a pending plan of the resource first (ECE refuses otherwise)',
      );
    addWaitOptions(cmd)
      .addHelpText(
        'after',
        `\nExamples:\n  $ ece deployments ${verb} prod-logs --kind kibana --wait${verb === 'restart' ? `\n  $ ece deployments restart prod-logs --ref-id _main --cancel-pending` : ''}`,
      )
      .action(
        act(contexts, (ctx, ref: string, flags: ResourceFlags) =>
          runCommand(ref, flags, action, ctx),
        ),
      );
  }
  const plan = group.command('plan').description('Pending plans');
  registerPlan(plan, contexts);
  plan
    .command('cancel')
    .description('Cancel the pending plan of a resource (asks first)')
    .argument('<deployment>', 'deployment id or exact name')
    .requiredOption('--kind <kind>', KIND_HELP)
    .option('--ref-id <ref-id>', 'which resource of that kind (needed only when there are several)')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece deployments plan cancel prod-logs --kind elasticsearch --yes',
    )
    .action(act(contexts, (ctx, ref: string, flags: ResourceFlags) => runCancel(ref, flags, ctx)));
}

function checkKind(kind: string | undefined): string {
  const k = kind ?? 'elasticsearch';
  if (!(KINDS as readonly string[]).includes(k))
    throw new UsageError(`invalid --kind "${k}" (valid: ${KINDS.join(', ')})`);
  return k;
}

/** The ref_id to act on: the one given, or the only resource of the kind. */
async function refIdOf(
  api: ApiClient,
  id: string,
  kind: string,
  given: string | undefined,
): Promise<string> {
  if (given) return given;
  const d = parseBody<Deployment>(await getDeployment(api, id, { plans: false }));
  const refs = (d.resources?.[kind as keyof Deployment['resources']] ?? []).map((r) => r.ref_id);
  if (refs.length === 1 && refs[0]) return refs[0];
  if (refs.length === 0)
    throw new CliError(`deployment ${d.name} (${id}) has no ${kind} resource`, ExitCode.NOT_FOUND);
  throw new UsageError(
    `deployment ${d.name} has ${refs.length} ${kind} resources; pick one with --ref-id (${refs.join(', ')})`,
  );
}

async function mainRefId(api: ApiClient, id: string, kind: string): Promise<string> {
  const d = parseBody<Deployment>(await getDeployment(api, id, { plans: false }));
  const ref = d.resources?.[kind as keyof Deployment['resources']]?.[0]?.ref_id;
  if (!ref)
    throw new CliError(`deployment ${d.name} (${id}) has no ${kind} resource`, ExitCode.NOT_FOUND);
  return ref;
}

async function runCommand(
  ref: string,
  flags: ResourceFlags,
  action: 'restart' | '_stop' | '_start',
  ctx: Context,
): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  const kind = checkKind(flags.kind);
  const api = await ctx.api();
  const { id } = await resolveDeployment(api, ref);
  let refId = await refIdOf(api, id, kind, flags.refId);
  const before =
    action === 'restart' && flags.wait ? await snapshot(api, id) : new Map<string, Before>();
  try {
    if (action === 'restart')
      await restartResource(api, id, kind, refId, { cancelPending: flags.cancelPending === true });
    else await setInstances(api, id, kind, refId, action);
  } catch (err) {
    if (err instanceof ApiError && err.errors.some((e) => e.code === PLAN_CHANGE_ERROR)) {
      err.hints.push(
        `a plan is pending on ${kind} ${refId}: wait for it (ece deployments show ${id}), or cancel it and restart with --cancel-pending`,
      );
    }
    throw err;
  }
  const verb = action === 'restart' ? 'Restarting' : action === '_stop' ? 'Stopping' : 'Starting';
  ctx.io.stderr.write(`${verb} ${kind} ${refId} of deployment ${id}.\n`);
  if (!flags.wait) return;
  // The plan and status are reported under the resource's real ref_id.
  if (refId === MAIN) refId = await mainRefId(api, id, kind);
  const target =
    action === 'restart'
      ? { kind, refId, before: before.get(`${kind}/${refId}`) ?? NOTHING_BEFORE }
      : {
          kind,
          refId,
          before: NOTHING_BEFORE,
          status: action === '_stop' ? 'stopped' : 'started',
        };
  await follow(ctx, api, id, [target], timeoutMs);
}

async function runCancel(ref: string, flags: ResourceFlags, ctx: Context): Promise<void> {
  const kind = checkKind(flags.kind);
  requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const { id, name } = await resolveDeployment(api, ref);
  const refId = await refIdOf(api, id, kind, flags.refId);
  await confirmOrFail(
    ctx.io,
    `Cancel the pending plan of ${kind} ${refId} in deployment ${name ?? id}?`,
    flags.yes,
  );
  await cancelPendingPlan(api, id, kind, refId);
  ctx.io.stderr.write(`Cancelled the pending plan of ${kind} ${refId}.\n`);
}
