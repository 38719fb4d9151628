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
import { CliError, ExitCode } from '../../errors.js';
import type { Plan as VerbPlan } from '../run/types.js';

export type Plan = Record<string, unknown>;

export interface ResourcePayload {
  ref_id: string;
  region: string;
  display_name?: string;
  elasticsearch_cluster_ref_id?: string;
  plan: Plan;
  settings?: Record<string, unknown>;
}

export interface UpdatePayload {
  name: string;
  prune_orphans: false;
  resources: Record<string, ResourcePayload[]>;
  settings?: { observability: unknown };
}

export interface ForUpdate {
  deployment: Deployment;
  payload: UpdatePayload;
  /** x-cloud-resource-version when read: sent back as ?version=. */
  version: string | undefined;
  /** Resources left out of the payload because they have no current plan (`kind ref_id`). */
  leftOut: string[];
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
    leftOut: withoutPlan(deployment),
  };
}

/** `kind ref_id` of each resource that has no current plan (a failed creation). */
export function withoutPlan(d: Deployment): string[] {
  return KINDS.flatMap((kind) =>
    (d.resources[kind] ?? [])
      .filter((r) => !isObject(r.info.plan_info.current?.plan))
      .map((r) => `${kind} ${r.ref_id}`),
  );
}

/** Said on stderr wherever a payload is built: what it leaves out, and why that is safe. */
export function leftOutNote(leftOut: string[]): string | undefined {
  if (leftOut.length === 0) return undefined;
  return `${leftOut.join(', ')} ${leftOut.length === 1 ? 'has' : 'have'} no current plan and ${leftOut.length === 1 ? 'is' : 'are'} left out of the update (kept as ${leftOut.length === 1 ? 'it is' : 'they are'}: prune_orphans is false)`;
}

/**
 * The update request that leaves the deployment as it is, built as ecctl's
 * --generate-update-payload builds it (cloud-sdk-go's NewUpdateRequest), so
 * that what an operator edits is what Elastic's tools would send:
 * - every resource with its current plan, in ECE's order (Elasticsearch
 *   first); a resource without a current plan (a failed creation) is left
 *   out, which is safe only because prune_orphans stays false;
 * - each resource's `display_name` and its `settings` without `metadata`;
 * - the stateless kinds' topology elements of size zero dropped (ECE keeps
 *   them in the plan; Elasticsearch keeps every element, since with
 *   autoscaling ECE refuses an update that lacks one);
 * - the deployment's observability settings;
 * - nulls left out, as the SDK's models omit them (`reindex_whitelist: null`).
 * `transient` is dropped even where the server ignored clear_transient: it
 * holds one-off instructions (a snapshot to restore, a strategy) that must
 * not run again. A stateless resource keeps its own
 * `elasticsearch_cluster_ref_id` (never the SDK's empty one when
 * Elasticsearch has no plan).
 */
export function updatePayload(d: Deployment): UpdatePayload {
  const resources: Record<string, ResourcePayload[]> = {};
  for (const kind of KINDS) {
    for (const r of d.resources[kind] ?? []) {
      const plan = r.info.plan_info.current?.plan;
      if (!isObject(plan)) continue;
      const { transient: _, ...kept } = withoutNulls(plan) as Plan;
      if (kind !== 'elasticsearch' && Array.isArray(kept.cluster_topology))
        kept.cluster_topology = kept.cluster_topology.filter(sized);
      const info = r.info as { cluster_name?: unknown; name?: unknown; settings?: unknown };
      const es = (r as { elasticsearch_cluster_ref_id?: unknown }).elasticsearch_cluster_ref_id;
      const item: ResourcePayload = { region: r.region, ref_id: r.ref_id, plan: kept };
      const display = kind === 'elasticsearch' || kind === 'kibana' ? info.cluster_name : info.name;
      if (typeof display === 'string') item.display_name = display;
      if (kind !== 'elasticsearch' && typeof es === 'string' && es !== '')
        item.elasticsearch_cluster_ref_id = es;
      if (isObject(info.settings)) {
        const { metadata: __, ...settings } = withoutNulls(info.settings) as Record<
          string,
          unknown
        >;
        item.settings = settings;
      }
      resources[kind] = [...(resources[kind] ?? []), item];
    }
  }
  const payload: UpdatePayload = { name: d.name, prune_orphans: false, resources };
  const observability = (d as { settings?: { observability?: unknown } }).settings?.observability;
  if (isObject(observability)) payload.settings = { observability: withoutNulls(observability) };
  return payload;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stateless topology element that runs something: memory per node, or a size above zero. */
function sized(t: unknown): boolean {
  if (!isObject(t)) return true;
  const perNode = t.memory_per_node;
  const size = isObject(t.size) ? t.size.value : undefined;
  return (typeof perNode === 'number' && perNode > 0) || (typeof size === 'number' && size > 0);
}

/** A copy without the fields whose value is null, at every depth. */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  // defineProperty: a key named __proto__ (JSON.parse makes such keys) stays a key.
  for (const [k, x] of Object.entries(v))
    if (x !== null)
      Object.defineProperty(out, k, {
        value: withoutNulls(x),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  return out;
}

/**
 * The plan that sends the changed payload with ?version=. `changed` names the
 * resources (`kind/ref_id`) whose plans change: the ones --wait follows. A
 * 409 is exit 5 with CHANGED. What the payload leaves out is said on stderr
 * here, a dry run included.
 */
export function updatePlan(
  ctx: Context,
  api: ApiClient,
  read: ForUpdate,
  body: UpdatePayload,
  changed: string[],
  opts: { skipSnapshot?: boolean },
  message: string,
): VerbPlan {
  const { id } = read.deployment;
  const note = leftOutNote(read.leftOut);
  if (note) ctx.io.stderr.write(`note: ${note}\n`);
  let before = new Map<string, Before>();
  return {
    writes: [updateRequest(id, body, { version: read.version, skipSnapshot: opts.skipSnapshot })],
    fail: (err) => (err.isVersionConflict ? new CliError(CHANGED, ExitCode.REJECTED) : undefined),
    done: message,
    wait: {
      deployment: id,
      before: async () => {
        before = await snapshot(api, id);
      },
      targets: () => targetsFor(changed, before),
    },
  };
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
