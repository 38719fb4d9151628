// What restart, stop and start share: verbs on one resource of a
// deployment. --kind defaults to Elasticsearch; --ref-id may be left out
// where the kind has exactly one resource. Each verb's file holds its own
// options and help; the plan (resolve, the write, what to wait for) is here.

import { parseBody } from '../../api/body.js';
import type { ApiClient, RequestOptions } from '../../api/client.js';
import {
  type Deployment,
  getDeployment,
  instancesRequest,
  PLAN_CHANGE_ERROR,
  type RestartOptions,
  restartRequest,
} from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import { type Before, NOTHING_BEFORE, snapshot } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { CliError, ExitCode, UsageError } from '../../errors.js';
import type { ArgSpec, ModelFlags, OptionSpec, Plan } from '../run/types.js';
import { resolveDeployment } from './resolve.js';

export interface ResourceInput extends ModelFlags {
  deployment: string;
  kind?: string;
  refId?: string;
  cancelPending?: boolean;
  /** Elasticsearch restart options (restart.ts checks them). */
  restart?: Omit<RestartOptions, 'cancelPending'>;
}

export type ResourceAction = 'restart' | '_stop' | '_start';

/** ECE's name for the main resource of a kind, accepted wherever a ref_id is. */
const MAIN = '_main';

export const KIND_HELP = `resource kind: ${KINDS.join(', ')}`;
export const REF_ID_HELP = 'which resource of that kind (needed only when there are several)';

/** The argument and options restart, stop and start have in common; a verb adds its own. */
export const RESOURCE_ARGS: ArgSpec[] = [
  { name: 'deployment', description: 'deployment id or exact name' },
];
export const RESOURCE_OPTIONS: OptionSpec[] = [
  { flags: '--kind <kind>', description: KIND_HELP, default: 'elasticsearch' },
  {
    flags: '--ref-id <ref-id>',
    description:
      'which resource of that kind (needed only when there are several; _main for the main one)',
  },
];

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

/** The write on one resource, and what --wait follows: the plan (restart) or the new status. */
export async function resourcePlan(
  input: ResourceInput,
  action: ResourceAction,
  ctx: Context,
): Promise<Plan> {
  const kind = checkKind(input.kind);
  const api = await ctx.api();
  const { id, name } = await resolveDeployment(api, input.deployment);
  const refId = await refIdOf(api, id, kind, input.refId);
  const write: RequestOptions =
    action === 'restart'
      ? restartRequest(id, kind, refId, {
          ...input.restart,
          cancelPending: input.cancelPending === true,
        })
      : instancesRequest(id, kind, refId, action);
  const verb = action === 'restart' ? 'Restarting' : action === '_stop' ? 'Stopping' : 'Starting';
  let before = new Map<string, Before>();
  return {
    writes: [write],
    confirm: `Stop every instance of ${kind} ${refId} in deployment ${name ?? id}? Its data is unavailable until it starts again.`,
    hint: (err) =>
      err.errors.some((e) => e.code === PLAN_CHANGE_ERROR)
        ? `a plan is pending on ${kind} ${refId}: wait for it (ece deployments plan watch ${id}), or cancel it and restart with --cancel-pending`
        : undefined,
    done: `${verb} ${kind} ${refId} of deployment ${id}.`,
    wait: {
      deployment: id,
      before: async () => {
        if (action === 'restart') before = await snapshot(api, id);
      },
      async targets() {
        // The plan and status are reported under the resource's real ref_id.
        const real = refId === MAIN ? await mainRefId(api, id, kind) : refId;
        if (action === 'restart')
          return [{ kind, refId: real, before: before.get(`${kind}/${real}`) ?? NOTHING_BEFORE }];
        return [
          {
            kind,
            refId: real,
            before: NOTHING_BEFORE,
            status: action === '_stop' ? 'stopped' : 'started',
          },
        ];
      },
    },
  };
}

/** One resource of a deployment, chosen by kind and --ref-id (the verbs of `deployments resource`). */
export interface OneResource {
  api: ApiClient;
  id: string;
  kind: string;
  refId: string;
  /** `kibana main-kibana of deployment "name" (id)`, or `… of deployment id`. */
  label: string;
}

export async function oneResource(
  ctx: Context,
  deployment: string,
  kind: string,
  refId: string | undefined,
): Promise<OneResource> {
  const api = await ctx.api();
  const { id, name } = await resolveDeployment(api, deployment);
  const chosen = await refIdOf(api, id, kind, refId);
  const of = name ? `"${name}" (${id})` : id;
  return { api, id, kind, refId: chosen, label: `${kind} ${chosen} of deployment ${of}` };
}

/** What --wait follows after a change to one resource: its next plan. */
export function followOne(
  api: ApiClient,
  id: string,
  kind: string,
  refId: string,
): NonNullable<Plan['wait']> {
  let before = new Map<string, Before>();
  return {
    deployment: id,
    before: async () => {
      before = await snapshot(api, id);
    },
    async targets() {
      const real = refId === MAIN ? await mainRefId(api, id, kind) : refId;
      return [{ kind, refId: real, before: before.get(`${kind}/${real}`) ?? NOTHING_BEFORE }];
    },
  };
}
