// What restart, stop and start share: commands on one resource of a
// deployment. --kind defaults to Elasticsearch; --ref-id may be left out
// where the kind has exactly one resource. Each verb's file holds its flags
// and help; the flow (resolve, plan the write, show or confirm and send,
// --wait) is here.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import type { ApiClient, RequestOptions } from '../../api/client.js';
import {
  type Deployment,
  getDeployment,
  instancesRequest,
  PLAN_CHANGE_ERROR,
  restartRequest,
} from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import { type Before, NOTHING_BEFORE, snapshot } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, ExitCode, UsageError } from '../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { resolveDeployment } from './resolve.js';
import { addWaitOptions, follow, type WaitFlags, waitTimeoutMs } from './wait.js';

export interface ResourceFlags extends WaitFlags {
  kind?: string;
  refId?: string;
  yes?: boolean;
  cancelPending?: boolean;
}

export type ResourceAction = 'restart' | '_stop' | '_start';

/** ECE's name for the main resource of a kind, accepted wherever a ref_id is. */
const MAIN = '_main';

export const KIND_HELP = `resource kind: ${KINDS.join(', ')}`;
export const REF_ID_HELP = 'which resource of that kind (needed only when there are several)';

/** The verb with the options restart, stop and start have in common; the caller adds its own. */
export function resourceCommand(
  group: Command,
  verb: string,
  description: string,
  extra: (cmd: Command) => Command = (cmd) => cmd,
): Command {
  return extra(
    group
      .command(verb)
      .description(description)
      .argument('<deployment>', 'deployment id or exact name')
      .option('--kind <kind>', KIND_HELP, 'elasticsearch')
      .option(
        '--ref-id <ref-id>',
        'which resource of that kind (needed only when there are several; _main for the main one)',
      ),
  );
}

/** Adds --wait, the examples and the action. */
export function finish(
  cmd: Command,
  contexts: Contexts,
  action: ResourceAction,
  examples: string,
): void {
  addWaitOptions(cmd)
    .addHelpText('after', `\nExamples:\n${examples}`)
    .action(
      act(contexts, (ctx, ref: string, flags: ResourceFlags) =>
        runResource(ref, flags, action, ctx),
      ),
    );
}

export function checkKind(kind: string | undefined): string {
  const k = kind ?? 'elasticsearch';
  if (!(KINDS as readonly string[]).includes(k))
    throw new UsageError(`invalid --kind "${k}" (valid: ${KINDS.join(', ')})`);
  return k;
}

/** The ref_id to act on: the one given, or the only resource of the kind. */
export async function refIdOf(
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

export async function runResource(
  ref: string,
  flags: ResourceFlags,
  action: ResourceAction,
  ctx: Context,
): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  const kind = checkKind(flags.kind);
  // Stopping Elasticsearch takes the deployment's data offline: it asks, like shutdown.
  const confirms = action === '_stop' && kind === 'elasticsearch';
  if (confirms && !ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const { id, name } = await resolveDeployment(api, ref);
  let refId = await refIdOf(api, id, kind, flags.refId);
  const write: RequestOptions =
    action === 'restart'
      ? restartRequest(id, kind, refId, { cancelPending: flags.cancelPending === true })
      : instancesRequest(id, kind, refId, action);
  if (showDryRun(ctx, api, write)) return;
  if (confirms)
    await confirmOrFail(
      ctx.io,
      `Stop every instance of ${kind} ${refId} in deployment ${name ?? id}? Its data is unavailable until it starts again.`,
      flags.yes,
    );
  const before =
    action === 'restart' && flags.wait ? await snapshot(api, id) : new Map<string, Before>();
  try {
    await api.request(write);
  } catch (err) {
    if (err instanceof ApiError && err.errors.some((e) => e.code === PLAN_CHANGE_ERROR)) {
      err.hints.push(
        `a plan is pending on ${kind} ${refId}: wait for it (ece deployments plan watch ${id}), or cancel it and restart with --cancel-pending`,
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
