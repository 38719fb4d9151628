// `ece deployments resize`: the common update — the size and/or zone count of
// one topology element of one resource — as a read-modify-write of the
// current plan. Nothing else in the plan changes; other resources are left
// out of the request, so ECE starts no plan for them.

import type { ApiClient } from '../../api/client.js';
import { KINDS } from '../../api/kinds.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { defineVerb, type Plan } from '../run/types.js';
import { pickResource, readForUpdate, updatePlan } from './payload.js';
import { resolveDeployment } from './resolve.js';

export interface ResizeInput {
  deployment: string;
  kind: string;
  refId?: string;
  topology?: string;
  size?: string;
  zones?: string;
}

export const verb = defineVerb<ResizeInput>({
  effect: 'write',
  waits: true,
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    {
      flags: '--kind <kind>',
      description: `resource kind: ${KINDS.join(', ')}`,
      default: 'elasticsearch',
    },
    {
      flags: '--ref-id <ref_id>',
      description: 'the resource, when the deployment has several of that kind',
    },
    {
      flags: '--topology <id>',
      description: 'topology element id (e.g. hot_content) or instance configuration',
    },
    { flags: '--size <size>', description: 'memory per instance: 1g, 8g, 512m …' },
    { flags: '--zones <n>', description: 'number of availability zones (1 to 3)' },
  ],
  description: `Give --size, --zones or both. Reads the deployment, changes only the size
and/or zone count of the chosen topology element and sends the plan back with
the version it read: if someone changed the deployment in between, nothing is
applied (exit 5). Without --topology, the one element that has a size is
chosen.`,
  examples: [
    'ece deployments resize prod-logs --size 8g --wait',
    'ece deployments resize prod-logs --kind elasticsearch --topology hot_content --size 16g --zones 3',
    'ece deployments resize prod-logs --zones 3 --dry-run',
    'ece deployments resize prod-logs --kind kibana --size 2g --dry-run',
  ],
  plan: async (input, ctx) => plan(input, ctx, await ctx.api()),
});

/** `8g`, `512m`, `1.5gb` → megabytes. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(g|gb|gib|m|mb|mib)\s*$/i.exec(text);
  const unit = m?.[2]?.toLowerCase() ?? '';
  const mb = m ? Number(m[1]) * (unit.startsWith('g') ? 1024 : 1) : Number.NaN;
  if (!Number.isInteger(mb) || mb <= 0) {
    throw new UsageError(`invalid --size "${text}": give memory with a unit, like 8g or 512m`);
  }
  return mb;
}

export function formatSize(mb: number): string {
  return mb % 1024 === 0 ? `${mb / 1024}g` : `${mb}m`;
}

type Element = Record<string, unknown> & {
  id?: string;
  instance_configuration_id?: string;
  size?: { resource?: string; value?: number };
  memory_per_node?: number;
  zone_count?: number;
};

const sizeOf = (el: Element): number => el.size?.value ?? el.memory_per_node ?? 0;
const nameOf = (el: Element, i: number): string => el.id ?? el.instance_configuration_id ?? `#${i}`;

async function plan(flags: ResizeInput, ctx: Context, api: ApiClient): Promise<Plan> {
  const kind = flags.kind;
  if (!(KINDS as readonly string[]).includes(kind))
    throw new UsageError(`invalid --kind "${kind}": use one of ${KINDS.join(', ')}`);
  if (flags.size === undefined && flags.zones === undefined)
    throw new UsageError('give --size, --zones or both');
  const mb = flags.size === undefined ? undefined : parseSize(flags.size);
  let zones: number | undefined;
  if (flags.zones !== undefined) {
    zones = Number(flags.zones);
    if (!/^\d+$/.test(flags.zones.trim()) || zones < 1 || zones > 3)
      throw new UsageError(`invalid --zones "${flags.zones}": use 1, 2 or 3`);
  }
  const { id } = await resolveDeployment(api, flags.deployment);
  const read = await readForUpdate(api, id);
  const resource = pickResource(read.payload, kind, flags.refId);
  const elements = (
    Array.isArray(resource.plan.cluster_topology) ? resource.plan.cluster_topology : []
  ) as Element[];
  const index = chooseElement(elements, flags.topology, `${kind} ${resource.ref_id}`);
  const el = elements[index] as Element;
  const label = nameOf(el, index);
  const zoneText = zones ? `${zones} zone${zones > 1 ? 's' : ''}` : undefined;
  const state = [mb === undefined ? undefined : formatSize(mb), zoneText && `in ${zoneText}`]
    .filter(Boolean)
    .join(' ');
  if (
    (mb === undefined || sizeOf(el) === mb) &&
    (zones === undefined || (el.zone_count ?? 1) === zones)
  ) {
    ctx.io.stderr.write(
      `${kind} ${resource.ref_id} (${label}) is already ${state}: nothing to change.\n`,
    );
    return {};
  }
  const changed: Element = { ...el };
  if (mb !== undefined) {
    if (el.size === undefined && el.memory_per_node !== undefined) changed.memory_per_node = mb;
    else changed.size = { resource: el.size?.resource ?? 'memory', value: mb };
  }
  if (zones !== undefined) changed.zone_count = zones;
  const plan = {
    ...resource.plan,
    cluster_topology: elements.map((e, i) => (i === index ? changed : e)),
  };
  const body = {
    ...read.payload,
    resources: { [kind]: [{ ...resource, plan }] },
  };
  return updatePlan(
    ctx,
    api,
    read,
    body,
    [`${kind}/${resource.ref_id}`],
    {},
    `Resizing ${kind} ${resource.ref_id} (${label}) of ${read.deployment.name} to ${mb === undefined ? zoneText : state}.`,
  );
}

function chooseElement(elements: Element[], wanted: string | undefined, what: string): number {
  const names = elements.map(nameOf).join(', ');
  if (wanted !== undefined) {
    const i = elements.findIndex((e) => e.id === wanted || e.instance_configuration_id === wanted);
    if (i < 0)
      throw new UsageError(`${what} has no topology element "${wanted}" (it has: ${names})`);
    return i;
  }
  const sized = elements.flatMap((e, i) => (sizeOf(e) > 0 ? [i] : []));
  if (sized.length === 1) return sized[0] ?? 0;
  if (sized.length === 0 && elements.length === 1) return 0;
  if (elements.length === 0) throw new UsageError(`${what} has no topology to resize`);
  throw new UsageError(
    `${what} has several topology elements; choose one with --topology: ${names}`,
  );
}
