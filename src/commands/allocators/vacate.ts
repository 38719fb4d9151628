// `ece allocators vacate <allocator…>`: move what runs on allocators to
// other allocators, as cloud-sdk-go's vacate does. The move API takes
// resource ids per kind, so the instances each allocator lists are grouped
// into resources (and filtered by --kind and --deployment); a validate_only
// pass per allocator asks ECE for each resource's calculated plan (and which
// cannot move, or have a plan pending: those are skipped); with
// --maintenance the allocators go into maintenance mode; then each resource
// is moved with that plan, plus the --skip-*/--override-failsafe overrides,
// as its override and --target as its preferred allocators, at most
// --concurrency at a time. With --wait each move is followed to the end
// (vacate-run.ts).

import {
  isPlanPending,
  MOVE_KINDS,
  type MoveDetail,
  type MoveOptions,
  type MoveResponse,
  moveRequest,
  type PlanOverrides,
  validateMove,
} from '../../api/allocators.js';
import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { getAllocator, maintenanceRequest } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { CliError, ExitCode, InterruptedError, UsageError } from '../../errors.js';
import { defineVerb, type Plan } from '../run/types.js';
import { waitTimeoutMs } from '../run/wait-flags.js';
import type { Allocator, HostResource } from './model.js';
import { combined, failureMessage, type Planned, vacate } from './vacate-run.js';

export interface VacateInput {
  allocator: string[];
  kind: string[];
  deployment: string[];
  target: string[];
  /** true (the flag alone), a value given to it, or false from --no-allocator-down. */
  allocatorDown?: boolean | string;
  skipSnapshot?: boolean | string;
  skipDataMigration?: boolean | string;
  overrideFailsafe?: boolean | string;
  maintenance?: boolean;
  moveOnly?: boolean;
  concurrency: string;
  wait?: boolean;
  waitTimeout?: string;
}

export const DEFAULT_CONCURRENCY = '8';
const KIND_ALIASES: Record<string, string> = { es: 'elasticsearch', kb: 'kibana' };
/** Repeatable, and each value may be a comma-separated list. */
const split = (values: unknown): string[] =>
  ((values ?? []) as string[]).flatMap((v) =>
    v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

export const verb = defineVerb<VacateInput>({
  effect: 'destructive',
  waits: true,
  args: [{ name: 'allocator', description: 'allocator ids (ece allocators list)', variadic: true }],
  options: [
    {
      flags: '--kind <kind>',
      description: `only these kinds (repeatable): ${MOVE_KINDS.join(', ')}`,
      repeatable: true,
    },
    {
      flags: '--deployment <id|name>',
      description: 'only these deployments (repeatable)',
      repeatable: true,
    },
    {
      flags: '--target <allocator>',
      description: 'preferred allocators to move to (repeatable)',
      repeatable: true,
    },
    {
      flags: '--maintenance',
      description: 'put the allocators in maintenance mode before moving',
    },
    {
      flags: '--allocator-down [true|false]',
      description: 'treat the instances as lost for good (default: from the allocator health)',
    },
    { flags: '--no-allocator-down', description: 'move the instances as if the allocator were up' },
    {
      flags: '--skip-snapshot [true|false]',
      description: 'Elasticsearch: no snapshot before moving',
    },
    {
      flags: '--skip-data-migration [true|false]',
      description: 'Elasticsearch: do not migrate the data (needs --deployment)',
    },
    {
      flags: '--override-failsafe [true|false]',
      description: 'move even where ECE fears data loss',
    },
    { flags: '--move-only', description: "only move the instances (ECE's default)" },
    {
      flags: '--no-move-only',
      description: 'also apply pending changes to the resources while moving them',
    },
    {
      flags: '--concurrency <n>',
      description: 'resources moved at a time',
      default: DEFAULT_CONCURRENCY,
    },
  ],
  description: `First asks ECE what it would move (a validate_only move per allocator, sent
even with --dry-run), then moves each resource — at most --concurrency at a
time over all the allocators — with ECE's calculated plan and --target as
its preferred allocators (ECE uses any allocator with room when they have
none). --maintenance puts the allocators in maintenance mode first, so
nothing new (nor what moves off another of them) lands there. A
disconnected or unhealthy allocator is treated as down unless
--allocator-down=false says otherwise. --skip-snapshot, --skip-data-migration
and --override-failsafe are set in each moved plan's plan_configuration
(the first two on Elasticsearch only, as the API has them). A [true|false]
flag takes the next word as its value: name the allocators first, or write
--allocator-down=false.

A resource with a plan still pending is skipped with a warning, and the
result says so (exit 0). With --wait every move is followed to the end, one
line per deployment on stderr: exit 7 names the deployments whose move
failed, 8 at --wait-timeout, 130 on Ctrl-C (moves already started go on in
ECE). A move ECE refuses (no room) is named with exit 5. Several
allocators: one result per allocator, and the most severe exit code.`,
  examples: [
    'ece allocators vacate 192.168.44.11 --maintenance --wait',
    'ece allocators vacate 192.168.44.11 192.168.44.12 --maintenance --yes',
    'ece allocators vacate 192.168.44.11 --kind kibana --target 192.168.44.10 --yes',
    'ece allocators vacate 192.168.44.11 --allocator-down=false --dry-run',
    'ece allocators vacate 192.168.44.11 --deployment prod-logs --skip-snapshot --dry-run',
  ],
  input(raw) {
    const given = raw as unknown as VacateInput;
    const input = {
      ...given,
      allocator: [...new Set(given.allocator)],
      kind: split(given.kind),
      deployment: split(given.deployment),
      target: split(given.target),
    };
    // Bad flags are exit 2 before anything else (the question included).
    checkFlags(input);
    return input;
  },
  plan: (input, ctx) => vacatePlan(input, ctx),
});

export function parseConcurrency(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 64)
    throw new UsageError(`invalid --concurrency "${text}": use a whole number from 1 to 64`);
  return n;
}

/** An optional [true|false] flag: undefined when not given, true when given alone. */
export function parseSwitch(
  name: string,
  value: boolean | string | undefined,
): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  // commander takes the word after the flag as its value: an allocator id there lands here.
  throw new UsageError(
    `invalid ${name} "${value}": use true or false (${name}=false), after the allocators`,
  );
}

function parseKinds(kinds: string[]): string[] {
  return kinds.map((k) => {
    const kind = KIND_ALIASES[k] ?? k;
    if (!MOVE_KINDS.includes(kind))
      throw new UsageError(`invalid --kind "${k}": use one of ${MOVE_KINDS.join(', ')}`);
    return kind;
  });
}

/** The allocator's health, unless the flag says: ECE's allocator_down (said on stderr). */
function allocatorDown(ctx: Context, a: Allocator, flag: boolean | undefined): boolean | undefined {
  const id = a.allocator_id;
  const state = !a.status?.connected ? 'disconnected' : !a.status?.healthy ? 'unhealthy' : '';
  if (flag === false && state)
    ctx.io.stderr.write(
      `Allocator ${id} is ${state}: its instances are moved as if it were up (--allocator-down=false).\n`,
    );
  if (flag !== undefined) return flag;
  if (!state) return undefined;
  ctx.io.stderr.write(`Allocator ${id} is ${state}: its instances are treated as down.\n`);
  return true;
}

interface Prepared {
  id: string;
  allocator: Allocator;
  planned: Planned[];
}

function checkFlags(flags: VacateInput) {
  const ids = flags.allocator;
  const timeoutMs = waitTimeoutMs(flags);
  const concurrency = parseConcurrency(flags.concurrency ?? DEFAULT_CONCURRENCY);
  const kinds = parseKinds(flags.kind ?? []);
  const deployments = flags.deployment ?? [];
  const down = parseSwitch('--allocator-down', flags.allocatorDown);
  const overrides: PlanOverrides = {
    skipSnapshot: parseSwitch('--skip-snapshot', flags.skipSnapshot),
    skipDataMigration: parseSwitch('--skip-data-migration', flags.skipDataMigration),
    overrideFailsafe: parseSwitch('--override-failsafe', flags.overrideFailsafe),
  };
  checkOverrides(overrides, kinds, deployments, flags.moveOnly);
  const targets = [...new Set(flags.target ?? [])];
  for (const t of targets)
    if (ids.includes(t))
      throw new UsageError(
        `--target ${t} is ${ids.length === 1 ? 'the allocator' : 'one of the allocators'} being vacated`,
      );
  return { ids, timeoutMs, concurrency, kinds, deployments, down, overrides, targets };
}

async function vacatePlan(flags: VacateInput, ctx: Context): Promise<Plan> {
  const { ids, timeoutMs, concurrency, kinds, deployments, down, overrides, targets } =
    checkFlags(flags);
  const api = await ctx.api();

  // Reads first, for every allocator: one that cannot be read is a result of
  // its own (with several), not the end of the run.
  const failed = new Map<string, CliError>();
  const own = (id: string, err: unknown) => {
    if (ids.length === 1 || !(err instanceof CliError) || err instanceof InterruptedError)
      throw err;
    failed.set(id, err);
  };
  const found: Allocator[] = [];
  for (const id of ids) {
    try {
      found.push(parseBody<Allocator>(await getAllocator(api, id)));
    } catch (err) {
      own(id, err);
    }
  }
  for (const t of targets) await getAllocator(api, t);
  for (const d of deployments) {
    if (!found.some((a) => hosts(a, d)))
      throw new CliError(
        `no instance of deployment "${d}" runs on allocator${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`,
        ExitCode.NOT_FOUND,
      );
  }

  const prepared: Prepared[] = [];
  for (const allocator of found) {
    const id = allocator.allocator_id;
    try {
      prepared.push({
        id,
        allocator,
        planned: await plan(ctx, api, allocator, {
          kinds,
          deployments,
          targets,
          down,
          overrides,
          moveOnly: flags.moveOnly,
        }),
      });
    } catch (err) {
      own(id, err);
    }
  }
  const planned = prepared.flatMap((p) => p.planned);
  const moves = planned.flatMap((p) => (p.write ? [p.write] : []));

  // Maintenance mode first (as ecctl's --maintenance): no new instance, and
  // nothing moved off one of these allocators, lands on another of them.
  const toMaintain: string[] = [];
  for (const { id, allocator } of prepared) {
    if (!allocator.status?.maintenance_mode) {
      if (flags.maintenance) toMaintain.push(id);
      else if (ids.length > 1)
        ctx.io.stderr.write(
          `warning: allocator ${id} is not in maintenance mode: what moves off the others may land on it (--maintenance)\n`,
        );
    } else if (flags.maintenance)
      ctx.io.stderr.write(`Allocator ${id} is already in maintenance mode.\n`);
  }
  const maintain = toMaintain.map((id) => maintenanceRequest(id, true));
  return {
    writes: [...maintain, ...moves],
    confirm: question(prepared, toMaintain, overrides),
    ...(toMaintain.length
      ? {
          dryRunNote: toMaintain
            .map((id) => `dry run: allocator ${id} would be put in maintenance mode first`)
            .join('\n'),
        }
      : {}),
    // Without --dry-run, vacate() reports these with the others' results.
    ...(failed.size ? { outcome: combined(ids, [...failed]) } : {}),
    // Maintenance mode first, one allocator after the other; the moves come after.
    send: async () => {
      for (const [i, write] of maintain.entries()) {
        const id = toMaintain[i] as string;
        try {
          await api.request(write);
        } catch (err) {
          if (err instanceof CliError && i > 0)
            err.hints.push(
              `nothing was moved; ${toMaintain.slice(0, i).join(', ')} ${i === 1 ? 'is' : 'are'} in maintenance mode now (ece allocators maintenance ID off)`,
            );
          throw err;
        }
        ctx.io.stderr.write(`Allocator ${id} is in maintenance mode now.\n`);
      }
      return [];
    },
    // At most --concurrency at a time, each followed under --wait; one result per allocator.
    after: () =>
      vacate(ctx, api, ids, planned, { concurrency, wait: flags.wait === true, timeoutMs }, failed),
  };
}

/** What ecctl refuses too: the Elasticsearch-only overrides without Elasticsearch, a whole-host data skip. */
function checkOverrides(
  o: PlanOverrides,
  kinds: string[],
  deployments: string[],
  moveOnly: boolean | undefined,
): void {
  const esOnly = [
    ['--skip-snapshot', o.skipSnapshot],
    ['--skip-data-migration', o.skipDataMigration],
  ] as const;
  for (const [name, value] of esOnly)
    if (value !== undefined && kinds.length > 0 && !kinds.includes('elasticsearch'))
      throw new UsageError(`${name} applies to Elasticsearch only: add --kind elasticsearch`);
  if (o.skipDataMigration && (deployments.length === 0 || moveOnly === false))
    throw new UsageError(
      '--skip-data-migration needs --deployment (the resources it applies to) and no --no-move-only',
    );
}

function question(prepared: Prepared[], maintain: string[], o: PlanOverrides): string {
  const planned = prepared.flatMap((p) => p.planned).filter((p) => p.write);
  const from = prepared.filter((p) => p.planned.some((x) => x.write)).map((p) => p.id);
  const deployments = new Set(planned.map((p) => p.deploymentId ?? p.name));
  const instances = planned.reduce((n, p) => n + p.instances, 0);
  const set = Object.entries({
    skip_snapshot: o.skipSnapshot,
    skip_data_migration: o.skipDataMigration,
    override_failsafe: o.overrideFailsafe,
  })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  const steps = [
    ...(maintain.length
      ? [
          `Put allocator${maintain.length === 1 ? '' : 's'} ${maintain.join(', ')} in maintenance mode`,
        ]
      : []),
    ...(planned.length
      ? [
          `${maintain.length ? 'move' : 'Move'} ${plural(planned.length, 'resource')} of ${plural(deployments.size, 'deployment')} (${plural(instances, 'instance')}) off allocator${from.length === 1 ? '' : 's'} ${from.join(', ')}${set.length ? ` (${set.join(', ')})` : ''}`,
        ]
      : []),
  ];
  return `${steps.join(' and ')}?`;
}

/** The validate_only pass for one allocator: each resource with its move, or why not. */
async function plan(
  ctx: Context,
  api: ApiClient,
  allocator: Allocator,
  o: {
    kinds: string[];
    deployments: string[];
    targets: string[];
    down: boolean | undefined;
    overrides: PlanOverrides;
    moveOnly: boolean | undefined;
  },
): Promise<Planned[]> {
  const id = allocator.allocator_id;
  const { resources, unmovable } = group(allocator, o.kinds, o.deployments);
  for (const u of unmovable)
    ctx.io.stderr.write(
      `warning: ${u.kind} ${u.id} of ${u.name} cannot be moved with the move API; it stays on ${id}\n`,
    );
  if (resources.length === 0) {
    ctx.io.stderr.write(`Nothing to move: allocator ${id} runs no instance to move.\n`);
    return [];
  }
  const mo: MoveOptions = {
    moveOnly: o.moveOnly,
    allocatorDown: allocatorDown(ctx, allocator, o.down),
  };
  const byKind = new Map<string, string[]>();
  for (const r of resources) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
  const check = parseBody<MoveResponse>(await validateMove(api, id, byKind, mo));
  const planned: Planned[] = [];
  for (const r of resources) {
    const detail = (check.moves?.[`${r.kind}_clusters`] ?? []).find((m) => m.cluster_id === r.id);
    const failed = (check.failures?.[`${r.kind}_clusters`] ?? []).find(
      (m) => m.cluster_id === r.id,
    );
    const e = failed?.errors?.[0];
    if (failed && isPlanPending(e?.message)) {
      // As cloud-sdk-go: left alone, not a failure.
      ctx.io.stderr.write(
        `warning: skipping ${r.kind} ${r.id} of ${r.name}: ${failureMessage(e)}\n`,
      );
      planned.push({ ...r, allocator: id, skipped: failureMessage(e) });
    } else if (detail && !failed)
      planned.push({
        ...r,
        allocator: id,
        write: moveRequest(id, r.kind, detail, o.targets, mo, o.overrides),
      });
    else {
      const refused = reason(failed);
      ctx.io.stderr.write(
        `warning: ECE would not move ${r.kind} ${r.id} of ${r.name}: ${refused}\n`,
      );
      planned.push({ ...r, allocator: id, refused });
    }
  }
  return planned;
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function reason(failed: MoveDetail | undefined): string {
  const e = failed?.errors?.[0];
  if (!e) return 'ECE did not plan a move for it';
  return e.code ? `${e.message ?? 'refused'} (${e.code})` : (e.message ?? 'refused');
}

/** The allocator's instances as resources, filtered; the kinds the move API has no list for apart. */
export function group(
  allocator: Allocator,
  kinds: string[],
  deployments: string[],
): { resources: HostResource[]; unmovable: HostResource[] } {
  const all = new Map<string, HostResource>();
  for (const i of allocator.instances ?? []) {
    const id = i.cluster_id ?? '';
    const k = `${i.cluster_type}/${id}`;
    const r = all.get(k) ?? {
      kind: i.cluster_type,
      id,
      name: i.cluster_name ?? i.deployment_id ?? id,
      deploymentId: i.deployment_id,
      instances: 0,
    };
    r.instances++;
    all.set(k, r);
  }
  const picked = [...all.values()].filter(
    (r) =>
      (kinds.length === 0 || kinds.includes(r.kind)) &&
      (deployments.length === 0 ||
        deployments.some((d) => d === r.deploymentId || d === r.name || d === r.id)),
  );
  return {
    resources: picked.filter((r) => MOVE_KINDS.includes(r.kind)),
    unmovable: picked.filter((r) => !MOVE_KINDS.includes(r.kind)),
  };
}

/** Whether the allocator runs an instance of deployment `d` (id, name or resource id). */
function hosts(allocator: Allocator, d: string): boolean {
  return (allocator.instances ?? []).some(
    (i) => d === i.deployment_id || d === i.cluster_name || d === i.cluster_id,
  );
}
