// `ece deployments plan cancel`: cancel the pending plan of a resource. Without
// --kind it finds the resource that has one (several: asks for --kind, exit 2;
// none: says so, exit 3). Asks first; --yes skips that; --dry-run shows the write.

import { parseBody } from '../../../api/body.js';
import type { ApiClient } from '../../../api/client.js';
import { cancelPlanRequest, type Deployment, getDeployment } from '../../../api/deployments.js';
import { CliError, ExitCode, UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import { resolveDeployment } from '../resolve.js';
import { checkKind, KIND_HELP, REF_ID_HELP, refIdOf } from '../resource.js';

export interface CancelInput {
  deployment: string;
  kind?: string;
  refId?: string;
}

export const verb = defineVerb<CancelInput>({
  effect: 'destructive',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    {
      flags: '--kind <kind>',
      description: `${KIND_HELP} (default: the resource that has a pending plan)`,
    },
    { flags: '--ref-id <ref-id>', description: REF_ID_HELP },
  ],
  examples: [
    'ece deployments plan cancel prod-logs --yes',
    'ece deployments plan cancel prod-logs --kind elasticsearch --yes',
  ],
  input(raw) {
    const input = raw as unknown as CancelInput;
    if (input.kind !== undefined) checkKind(input.kind);
    if (input.refId !== undefined && input.kind === undefined)
      throw new UsageError('--ref-id needs --kind');
    return input;
  },
  async plan(input, ctx) {
    const api = await ctx.api();
    const { id, name } = await resolveDeployment(api, input.deployment);
    const { kind, refId } =
      input.kind === undefined
        ? await pendingResource(api, id)
        : { kind: input.kind, refId: await refIdOf(api, id, input.kind, input.refId) };
    return {
      writes: [cancelPlanRequest(id, kind, refId)],
      confirm: `Cancel the pending plan of ${kind} ${refId} in deployment ${name ?? id}?`,
      done: `Cancelled the pending plan of ${kind} ${refId}.`,
    };
  },
});

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
