// What the instance verbs share: the deployment's resources and their
// instances as ECE reports them (read before any write, so that an unknown
// instance is named before anything is sent), choosing one resource by
// --kind/--ref-id, and the instances named on the command line or --all.

import type { ApiClient } from '../../../api/client.js';
import { getDeployment } from '../../../api/deployments.js';
import type { InstanceInfo } from '../../../api/instances.js';
import { KINDS } from '../../../api/kinds.js';
import { CliError, ExitCode, ResponseError, UsageError } from '../../../errors.js';
import { parseJson } from '../../../output/render.js';

export interface InstancesResource {
  kind: string;
  refId: string;
  id: string;
  instances: InstanceInfo[];
}

export interface InstancesDeployment {
  id: string;
  name: string;
  /** `name (id)`, or the id. */
  label: string;
  resources: InstancesResource[];
  /** The body as parsed losslessly: `instances list --json` prints parts of it. */
  body: Record<string, unknown>;
}

type RawResource = {
  ref_id?: unknown;
  id?: unknown;
  info?: { topology?: { instances?: unknown } };
};

/** GET /deployments/{id} (no plans): every resource with its instances, in ECE's order. */
export async function readInstances(api: ApiClient, id: string): Promise<InstancesDeployment> {
  const res = await getDeployment(api, id, { plans: false });
  const body = parseJson(res.text) as Record<string, unknown> | null;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new ResponseError('unexpected response from ECE: not a deployment');
  const name = typeof body.name === 'string' ? body.name : '';
  const resources: InstancesResource[] = [];
  const all = (body.resources ?? {}) as Record<string, RawResource[] | undefined>;
  for (const [kind, list] of Object.entries(all)) {
    if (!Array.isArray(list)) continue;
    for (const r of list) {
      const instances = r?.info?.topology?.instances;
      resources.push({
        kind,
        refId: String(r?.ref_id ?? ''),
        id: String(r?.id ?? ''),
        instances: Array.isArray(instances) ? (instances as InstanceInfo[]) : [],
      });
    }
  }
  return { id, name, label: name ? `${name} (${id})` : id, resources, body };
}

export function checkKind(kind: string, allowed: readonly string[] = KINDS): string {
  if (!allowed.includes(kind))
    throw new UsageError(`invalid --kind "${kind}" (valid: ${allowed.join(', ')})`);
  return kind;
}

/** The one resource of `kind` (ref_id given, `_main`, or the only one); exit 3 or 2 otherwise. */
export function pickResource(
  d: InstancesDeployment,
  kind: string,
  refId: string | undefined,
): InstancesResource {
  const ofKind = d.resources.filter((r) => r.kind === kind);
  if (ofKind.length === 0)
    throw new CliError(`deployment ${d.label} has no ${kind} resource`, ExitCode.NOT_FOUND);
  if (refId !== undefined) {
    const found = refId === '_main' ? ofKind[0] : ofKind.find((r) => r.refId === refId);
    if (!found)
      throw new CliError(
        `deployment ${d.label} has no ${kind} resource "${refId}" (it has: ${ofKind.map((r) => r.refId).join(', ')})`,
        ExitCode.NOT_FOUND,
      );
    return found;
  }
  const [only] = ofKind;
  if (ofKind.length === 1 && only) return only;
  throw new UsageError(
    `deployment ${d.label} has ${ofKind.length} ${kind} resources; pick one with --ref-id (${ofKind.map((r) => r.refId).join(', ')})`,
  );
}

export const namesOf = (r: InstancesResource): string[] =>
  r.instances.map((i) => i.instance_name ?? '').filter((n) => n !== '');

/** The named instances, each checked against the resource: an unknown one is exit 3 naming it. */
export function checkInstances(
  d: InstancesDeployment,
  r: InstancesResource,
  names: string[],
): string[] {
  const known = namesOf(r);
  const unique = [...new Set(names)];
  const missing = unique.filter((n) => !known.includes(n));
  if (missing.length > 0) {
    const which = missing.map((n) => `"${n}"`).join(', ');
    const has = known.length ? `it has: ${known.join(', ')}` : 'it has no instances now';
    throw new CliError(
      `${r.kind} ${r.refId} of deployment ${d.label} has no instance${missing.length > 1 ? 's' : ''} ${which} (${has})`,
      ExitCode.NOT_FOUND,
    );
  }
  return unique;
}

/** Instance names or --all, exactly one of the two. */
export function selection(names: string[], all: boolean | undefined): string[] | 'all' {
  if (all && names.length > 0) throw new UsageError('--all cannot be combined with instance names');
  if (all) return 'all';
  if (names.length === 0)
    throw new UsageError(
      'name the instances (see ece deployments instances list), or pass --all for every instance',
    );
  for (const n of names)
    if (n.trim() === '' || n.includes(',')) throw new UsageError(`invalid instance name "${n}"`);
  return names;
}

/** The one instance of a dump: --instance, or the resource's only instance. */
export function oneInstance(
  d: InstancesDeployment,
  r: InstancesResource,
  given: string | undefined,
): string {
  if (given !== undefined) return checkInstances(d, r, [given])[0] ?? given;
  const names = namesOf(r);
  const [only] = names;
  if (names.length === 1 && only) return only;
  if (names.length === 0)
    throw new CliError(
      `${r.kind} ${r.refId} of deployment ${d.label} has no instances now`,
      ExitCode.NOT_FOUND,
    );
  throw new UsageError(
    `${r.kind} ${r.refId} has ${names.length} instances; pick one with --instance (${names.join(', ')})`,
  );
}

/** `instance-0, instance-1` or `every instance`. */
export const describe = (sel: string[] | 'all'): string =>
  sel === 'all' ? 'every instance' : sel.join(', ');
