// `ece deployments resize`: the common update — the size (and zone count) of
// one topology element of one resource — as a read-modify-write of the
// current plan. Nothing else in the plan changes; other resources are left
// out of the request, so ECE starts no plan for them.

import type { Command } from 'commander';
import { KINDS } from '../../api/kinds.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { act, type Contexts } from '../action.js';
import { pickResource, readForUpdate, sendUpdate } from './payload.js';
import { resolveDeployment } from './resolve.js';
import { addWaitOptions, type WaitFlags, waitTimeoutMs } from './wait.js';

export interface ResizeFlags extends WaitFlags {
  kind: string;
  refId?: string;
  topology?: string;
  size: string;
  zones?: string;
}

export function register(group: Command, contexts: Contexts): void {
  const cmd = group
    .command('resize')
    .description('Change the size or zone count of one resource (a read-modify-write of its plan)')
    .argument('<deployment>', 'deployment id or exact name')
    .option('--kind <kind>', `resource kind: ${KINDS.join(', ')}`, 'elasticsearch')
    .option('--ref-id <ref_id>', 'the resource, when the deployment has several of that kind')
    .option('--topology <id>', 'topology element id (e.g. hot_content) or instance configuration')
    .requiredOption('--size <size>', 'memory per instance: 1g, 8g, 512m …')
    .option('--zones <n>', 'number of availability zones (1 to 3)');
  addWaitOptions(cmd)
    .addHelpText(
      'after',
      `
Reads the deployment, changes only the size (and --zones) of the chosen
topology element and sends the plan back with the version it read: if someone
changed the deployment in between, nothing is applied (exit 5). Without
--topology, the one element that has a size is chosen.

Examples:
  $ ece deployments resize prod-logs --size 8g --wait
  $ ece deployments resize prod-logs --kind elasticsearch --topology hot_content --size 16g --zones 3
  $ ece deployments resize prod-logs --kind kibana --size 2g --dry-run`,
    )
    .action(act(contexts, (ctx, ref: string, flags: ResizeFlags) => run(ref, flags, ctx)));
}

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

export async function run(ref: string, flags: ResizeFlags, ctx: Context): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  const kind = flags.kind;
  if (!(KINDS as readonly string[]).includes(kind))
    throw new UsageError(`invalid --kind "${kind}": use one of ${KINDS.join(', ')}`);
  const mb = parseSize(flags.size);
  let zones: number | undefined;
  if (flags.zones !== undefined) {
    zones = Number(flags.zones);
    if (!/^\d+$/.test(flags.zones.trim()) || zones < 1 || zones > 3)
      throw new UsageError(`invalid --zones "${flags.zones}": use 1, 2 or 3`);
  }
  const api = await ctx.api();
  const { id } = await resolveDeployment(api, ref);
  const read = await readForUpdate(api, id);
  const resource = pickResource(read.payload, kind, flags.refId);
  const elements = (
    Array.isArray(resource.plan.cluster_topology) ? resource.plan.cluster_topology : []
  ) as Element[];
  const index = chooseElement(elements, flags.topology, `${kind} ${resource.ref_id}`);
  const el = elements[index] as Element;
  const label = nameOf(el, index);
  if (sizeOf(el) === mb && (zones === undefined || (el.zone_count ?? 1) === zones)) {
    ctx.io.stderr.write(
      `${kind} ${resource.ref_id} (${label}) is already ${formatSize(mb)}${zones ? ` in ${zones} zone${zones > 1 ? 's' : ''}` : ''}: nothing to change.\n`,
    );
    return;
  }
  const changed: Element = { ...el };
  if (el.size === undefined && el.memory_per_node !== undefined) changed.memory_per_node = mb;
  else changed.size = { resource: el.size?.resource ?? 'memory', value: mb };
  if (zones !== undefined) changed.zone_count = zones;
  const plan = {
    ...resource.plan,
    cluster_topology: elements.map((e, i) => (i === index ? changed : e)),
  };
  const body = {
    ...read.payload,
    resources: { [kind]: [{ ...resource, plan }] },
  };
  await sendUpdate(
    ctx,
    api,
    read,
    body,
    [`${kind}/${resource.ref_id}`],
    flags,
    timeoutMs,
    `Resizing ${kind} ${resource.ref_id} (${label}) of ${read.deployment.name} to ${formatSize(mb)}${zones ? ` in ${zones} zone${zones > 1 ? 's' : ''}` : ''}.`,
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
