// `ece deployments instances list`: every instance of a deployment's
// resources — where it runs, how big it is, whether it runs and whether it
// is in maintenance mode — from GET /deployments/{id}.
//
// --json prints the deployment's body cut down to its instances: `id`,
// `name` and `resources.<kind>[]` with each resource's `ref_id`, `id` and
// `info.topology.instances` exactly as ECE sent them (same paths as in
// `deployments show --json`, so the same jq filters work on both), after
// --kind/--ref-id.

import type { InstanceInfo } from '../../../api/instances.js';
import { KINDS } from '../../../api/kinds.js';
import { CliError, ExitCode } from '../../../errors.js';
import { stringifyLossless } from '../../../lossless.js';
import type { View } from '../../../output/views.js';
import { text } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { formatSize } from '../resize.js';
import { resolveDeployment } from '../resolve.js';
import { checkKind, readInstances } from './common.js';

export interface ListInput {
  deployment: string;
  kind?: string;
  refId?: string;
}

type Raw = Record<string, unknown>;

export const verb = defineVerb<ListInput>({
  effect: 'read',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    { flags: '--kind <kind>', description: `only this resource kind: ${KINDS.join(', ')}` },
    { flags: '--ref-id <ref-id>', description: 'only the resource with this ref_id' },
  ],
  description: `STATUS is running, unhealthy (running, not healthy), not running (container
up, service down) or stopped (container not started). -o wide adds the
version and instance configuration.

--json prints the deployment's body cut down to the instances: id, name and
resources.<kind>[] with ref_id, id and info.topology.instances as ECE sent
them (the same paths as in \`ece deployments show --json\`).`,
  examples: [
    'ece deployments instances list prod-logs',
    'ece deployments instances list prod-logs --kind elasticsearch -o wide',
    "ece deployments instances list prod-logs --json | jq -r '.resources.elasticsearch[].info.topology.instances[].instance_name'",
  ],
  input(raw) {
    const input = raw as unknown as ListInput;
    if (input.kind !== undefined) checkKind(input.kind);
    return input;
  },
  async plan(flags, ctx) {
    const api = await ctx.api();
    const { id } = await resolveDeployment(api, flags.deployment);
    const d = await readInstances(api, id);
    const wanted = (kind: string, refId: unknown) =>
      (flags.kind === undefined || kind === flags.kind) &&
      (flags.refId === undefined || refId === flags.refId);
    if (!d.resources.some((r) => wanted(r.kind, r.refId))) {
      const what = [
        flags.kind ? `${flags.kind} resource` : 'resource',
        flags.refId ? ` "${flags.refId}"` : '',
      ].join('');
      throw new CliError(`deployment ${d.label} has no ${what}`, ExitCode.NOT_FOUND);
    }
    const resources: Record<string, Raw[]> = {};
    for (const [kind, list] of Object.entries(
      (d.body.resources ?? {}) as Record<string, unknown>,
    )) {
      if (!Array.isArray(list)) continue;
      const kept = (list as Raw[])
        .filter((r) => wanted(kind, r?.ref_id))
        .map((r) => {
          const info = r.info as { topology?: { instances?: unknown } } | undefined;
          return {
            ref_id: r.ref_id,
            id: r.id,
            info: { topology: { instances: info?.topology?.instances ?? [] } },
          };
        });
      if (kept.length) resources[kind] = kept;
    }
    const doc = { id: d.body.id ?? id, name: d.body.name, resources };
    return { output: { body: `${stringifyLossless(doc, 2)}\n`, view: view(d.label) } };
  },
});

interface Row {
  kind: string;
  refId: string;
  i: InstanceInfo;
}

function rows(data: unknown): Row[] {
  const out: Row[] = [];
  const resources = ((data as Raw).resources ?? {}) as Record<string, Raw[]>;
  for (const [kind, list] of Object.entries(resources))
    for (const r of list) {
      const info = r.info as { topology?: { instances?: InstanceInfo[] } };
      for (const i of info.topology?.instances ?? [])
        out.push({ kind, refId: String(r.ref_id ?? ''), i });
    }
  return out;
}

/** What an instance is doing, from ECE's three flags. */
export function status(i: InstanceInfo): string {
  if (i.container_started === false) return 'stopped';
  if (i.service_running === false) return 'not running';
  if (i.healthy === false) return 'unhealthy';
  return 'running';
}

function size(i: InstanceInfo): string {
  const mb = Number(i.memory?.instance_capacity);
  return Number.isFinite(mb) && mb > 0 ? formatSize(mb) : '-';
}

function view(label: string): View {
  return {
    emptyNote: `deployment ${label} has no instances (yet)`,
    isEmpty: (data) => rows(data).length === 0,
    grid: (data, _format, opts) => {
      const wide = opts?.wide === true;
      return {
        headers: [
          'INSTANCE',
          'KIND',
          'REF ID',
          'ZONE',
          'ALLOCATOR',
          'SIZE',
          'STATUS',
          'MAINTENANCE',
          ...(wide ? ['VERSION', 'CONFIGURATION'] : []),
        ],
        rows: rows(data).map(({ kind, refId, i }) => [
          text(i.instance_name),
          kind,
          text(refId),
          text(i.zone),
          text(i.allocator_id),
          size(i),
          status(i),
          text(i.maintenance_mode === true),
          ...(wide ? [text(i.service_version), text(i.instance_configuration?.id)] : []),
        ]),
        keep: [0],
      };
    },
  };
}
