// `ece allocators vacate <allocator>`: move what runs on an allocator to
// other allocators, as cloud-sdk-go's vacate does. The move API takes
// resource ids per kind, so the instances the allocator lists are grouped
// into resources (and filtered by --kind and --deployment); a validate_only
// pass asks ECE for each resource's calculated plan (and which cannot move);
// then each resource is moved with that plan as its override and --target as
// its preferred allocators, at most --concurrency at a time. With --wait each
// move is followed to the end (vacate-run.ts).

import type { Command } from 'commander';
import {
  MOVE_KINDS,
  type MoveDetail,
  type MoveOptions,
  type MoveResponse,
  moveRequest,
  validateMove,
} from '../../api/allocators.js';
import { parseBody } from '../../api/body.js';
import { getAllocator } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { CliError, ExitCode, UsageError } from '../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { addWaitOptions, type WaitFlags, waitTimeoutMs } from '../deployments/wait.js';
import { showDryRun } from '../write.js';
import type { Allocator, HostResource } from './model.js';
import { type Planned, vacate } from './vacate-run.js';

export interface VacateFlags extends WaitFlags {
  kind: string[];
  deployment: string[];
  target: string[];
  allocatorDown?: boolean;
  moveOnly?: boolean;
  concurrency: string;
  yes?: boolean;
}

export const DEFAULT_CONCURRENCY = '8';
const KIND_ALIASES: Record<string, string> = { es: 'elasticsearch', kb: 'kibana' };
const collect = (v: string, prev: string[]) => [
  ...prev,
  ...v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
];

export function register(group: Command, contexts: Contexts): void {
  const cmd = group
    .command('vacate')
    .description('Move the instances on an allocator to other allocators (asks first)')
    .argument('<allocator>', 'allocator id (ece allocators list)')
    .option('--kind <kind>', `only these kinds (repeatable): ${MOVE_KINDS.join(', ')}`, collect, [])
    .option('--deployment <id|name>', 'only these deployments (repeatable)', collect, [])
    .option('--target <allocator>', 'preferred allocators to move to (repeatable)', collect, [])
    .option('--allocator-down', 'treat the instances on the allocator as lost for good')
    .option('--move-only', "only move the instances (ECE's default)")
    .option('--no-move-only', 'also apply pending changes to the resources while moving them')
    .option('--concurrency <n>', 'resources moved at a time', DEFAULT_CONCURRENCY)
    .option('-y, --yes', 'do not ask for confirmation');
  addWaitOptions(cmd)
    .addHelpText(
      'after',
      `
First asks ECE what it would move (a validate_only move, sent even with
--dry-run), then moves each resource — at most --concurrency at a time —
with ECE's calculated plan and --target as its preferred allocators (ECE
uses any allocator with room when they have none). Put the allocator in
maintenance mode first so nothing new lands there. A disconnected or
unhealthy allocator is treated as down unless told otherwise.

With --wait every move is followed to the end, one line per deployment on
stderr: exit 7 names the deployments whose move failed, 8 at
--wait-timeout, 130 on Ctrl-C (moves already started go on in ECE). A move
ECE refuses (no room, a plan pending) is named with exit 5.

Examples:
  $ ece allocators vacate 192.168.44.11 --wait
  $ ece allocators vacate 192.168.44.11 --kind kibana --target 192.168.44.12 --yes
  $ ece allocators vacate 192.168.44.11 --deployment prod-logs --dry-run`,
    )
    .action(act(contexts, (ctx, id: string, flags: VacateFlags) => run(id, flags, ctx)));
}

export function parseConcurrency(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 64)
    throw new UsageError(`invalid --concurrency "${text}": use a whole number from 1 to 64`);
  return n;
}

function parseKinds(kinds: string[]): string[] {
  return kinds.map((k) => {
    const kind = KIND_ALIASES[k] ?? k;
    if (!MOVE_KINDS.includes(kind))
      throw new UsageError(`invalid --kind "${k}": use one of ${MOVE_KINDS.join(', ')}`);
    return kind;
  });
}

export async function run(id: string, flags: VacateFlags, ctx: Context): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  const concurrency = parseConcurrency(flags.concurrency ?? DEFAULT_CONCURRENCY);
  const kinds = parseKinds(flags.kind ?? []);
  const targets = [...new Set(flags.target ?? [])];
  if (targets.includes(id)) throw new UsageError(`--target ${id} is the allocator being vacated`);
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const allocator = parseBody<Allocator>(await getAllocator(api, id));
  for (const t of targets) await getAllocator(api, t);

  const { resources, unmovable } = group(allocator, kinds, flags.deployment ?? []);
  for (const u of unmovable)
    ctx.io.stderr.write(
      `warning: ${u.kind} ${u.id} of ${u.name} cannot be moved with the move API; it stays on ${id}\n`,
    );
  if (resources.length === 0) {
    ctx.io.stderr.write(`Nothing to move: allocator ${id} runs no instance to move.\n`);
    return;
  }
  const o: MoveOptions = { moveOnly: flags.moveOnly };
  if (flags.allocatorDown) o.allocatorDown = true;
  else if (!allocator.status?.connected || !allocator.status?.healthy) {
    o.allocatorDown = true;
    ctx.io.stderr.write(
      `Allocator ${id} is ${allocator.status?.connected ? 'unhealthy' : 'disconnected'}: its instances are treated as down.\n`,
    );
  }

  // The validate_only pass: ECE's calculated plan for each resource, or why not.
  const byKind = new Map<string, string[]>();
  for (const r of resources) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
  const check = parseBody<MoveResponse>(await validateMove(api, id, byKind, o));
  const planned: Planned[] = [];
  for (const r of resources) {
    const detail = (check.moves?.[`${r.kind}_clusters`] ?? []).find((m) => m.cluster_id === r.id);
    const failed = (check.failures?.[`${r.kind}_clusters`] ?? []).find(
      (m) => m.cluster_id === r.id,
    );
    planned.push({
      ...r,
      ...(detail && !failed ? { write: moveRequest(id, r.kind, detail, targets, o) } : {}),
      ...(failed || !detail ? { refused: reason(failed) } : {}),
    });
  }
  const writes = planned.flatMap((p) => (p.write ? [p.write] : []));
  for (const p of planned.filter((x) => x.refused))
    ctx.io.stderr.write(
      `warning: ECE would not move ${p.kind} ${p.id} of ${p.name}: ${p.refused}\n`,
    );
  if (showDryRun(ctx, api, ...writes)) return;
  if (writes.length > 0) {
    const deployments = new Set(
      planned.filter((p) => p.write).map((p) => p.deploymentId ?? p.name),
    );
    const instances = planned.reduce((n, p) => n + (p.write ? p.instances : 0), 0);
    await confirmOrFail(
      ctx.io,
      `Move ${plural(writes.length, 'resource')} of ${plural(deployments.size, 'deployment')} (${plural(instances, 'instance')}) off allocator ${id}?`,
      flags.yes,
    );
  }
  await vacate(ctx, api, id, planned, { concurrency, wait: flags.wait === true, timeoutMs });
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
  for (const d of deployments) {
    if (![...all.values()].some((r) => d === r.deploymentId || d === r.name || d === r.id))
      throw new CliError(
        `no instance of deployment "${d}" runs on allocator ${allocator.allocator_id}`,
        ExitCode.NOT_FOUND,
      );
  }
  return {
    resources: picked.filter((r) => MOVE_KINDS.includes(r.kind)),
    unmovable: picked.filter((r) => !MOVE_KINDS.includes(r.kind)),
  };
}
