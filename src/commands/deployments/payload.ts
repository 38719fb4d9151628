// Read-modify-write of a deployment: the DeploymentUpdateRequest built from
// the current plans (what ecctl calls generate-update-payload), and sending a
// changed one with the version it was read at, so that two administrators
// never overwrite each other silently. Shared by show --update-payload,
// resize and upgrade.

import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import {
  asDeployment,
  type Deployment,
  getForUpdate,
  updateRequest,
} from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import { type Before, snapshot, targetsFor } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, ExitCode } from '../../errors.js';
import { RAW } from '../../output/raw.js';
import { showDryRun } from '../write.js';
import { follow, type WaitFlags } from './wait.js';

export type Plan = Record<string, unknown>;

export interface ResourcePayload {
  ref_id: string;
  region: string;
  elasticsearch_cluster_ref_id?: string;
  plan: Plan;
}

export interface UpdatePayload {
  name: string;
  prune_orphans: false;
  resources: Record<string, ResourcePayload[]>;
}

export interface ForUpdate {
  deployment: Deployment;
  payload: UpdatePayload;
  /** x-cloud-resource-version when read: sent back as ?version=. */
  version: string | undefined;
}

export const CHANGED = 'the deployment changed since it was read: run again';

/** The deployment and the update request that would leave it as it is. */
export async function readForUpdate(api: ApiClient, id: string): Promise<ForUpdate> {
  const res = await getForUpdate(api, id);
  const deployment = asDeployment(parseBody<unknown>(res));
  return {
    deployment,
    payload: updatePayload(deployment),
    version: res.headers['x-cloud-resource-version'],
  };
}

/**
 * Every resource with its current plan, in ECE's order (Elasticsearch first).
 * `transient` is dropped even where the server ignored clear_transient: it
 * holds one-off instructions (a snapshot to restore, a strategy) that must
 * not run again.
 */
export function updatePayload(d: Deployment): UpdatePayload {
  const resources: Record<string, ResourcePayload[]> = {};
  for (const kind of KINDS) {
    for (const r of d.resources[kind] ?? []) {
      const plan = r.info.plan_info.current?.plan;
      if (!plan || typeof plan !== 'object') {
        throw new CliError(
          `${kind} ${r.ref_id} has no current plan to build an update from (did its creation fail?)`,
        );
      }
      const { transient: _, ...kept } = plan;
      const es = (r as { elasticsearch_cluster_ref_id?: unknown }).elasticsearch_cluster_ref_id;
      const item: ResourcePayload = { region: r.region, ref_id: r.ref_id, plan: kept };
      if (kind !== 'elasticsearch' && typeof es === 'string')
        item.elasticsearch_cluster_ref_id = es;
      resources[kind] = [...(resources[kind] ?? []), item];
    }
  }
  return { name: d.name, prune_orphans: false, resources };
}

export interface SendFlags extends WaitFlags {
  skipSnapshot?: boolean;
}

/**
 * Sends the changed payload with ?version= (or, under --dry-run, shows it).
 * `changed` names the resources (`kind/ref_id`) whose plans change: the ones
 * --wait follows. A 409 is exit 5 with CHANGED.
 */
export async function sendUpdate(
  ctx: Context,
  api: ApiClient,
  read: ForUpdate,
  body: UpdatePayload,
  changed: string[],
  flags: SendFlags,
  timeoutMs: number,
  message: string,
): Promise<void> {
  const { id } = read.deployment;
  const req = updateRequest(id, body, { version: read.version, skipSnapshot: flags.skipSnapshot });
  if (showDryRun(ctx, api, req)) return;
  const renderer = await ctx.renderer();
  const before = flags.wait ? await snapshot(api, id) : new Map<string, Before>();
  let res: Awaited<ReturnType<ApiClient['request']>>;
  try {
    res = await api.request(req);
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      throw new CliError(CHANGED, ExitCode.REJECTED);
    }
    throw err;
  }
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(`${message}\n`);
  if (flags.wait) await follow(ctx, api, id, targetsFor(changed, before), timeoutMs);
}

/** The resources of one kind in a payload, chosen by --ref-id when there are several. */
export function pickResource(
  payload: UpdatePayload,
  kind: string,
  refId: string | undefined,
): ResourcePayload {
  const list = payload.resources[kind] ?? [];
  if (refId !== undefined) {
    const found = list.find((r) => r.ref_id === refId);
    if (!found) {
      throw new CliError(
        `the deployment has no ${kind} resource ${refId}${list.length ? ` (it has: ${list.map((r) => r.ref_id).join(', ')})` : ''}`,
        ExitCode.NOT_FOUND,
      );
    }
    return found;
  }
  const [only, ...more] = list;
  if (!only) throw new CliError(`the deployment has no ${kind} resource`, ExitCode.NOT_FOUND);
  if (more.length > 0) {
    throw new CliError(
      `the deployment has ${list.length} ${kind} resources; choose one with --ref-id: ${list.map((r) => r.ref_id).join(', ')}`,
      ExitCode.USAGE,
    );
  }
  return only;
}
