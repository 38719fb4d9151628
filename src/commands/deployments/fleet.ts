// A fleet: the deployments a command acts on together (`upgrade` over a
// selection, `versions`). What each search hit says about a deployment's
// versions, plans and health; the selection (names, --search, --below,
// --all, with system deployments left out by run/system.ts's rule); and the
// rollout plan of an upgrade: the order, and what is skipped and why.
// Reads only; the rollout itself is rollout.ts.

import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { searchDeployments } from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import { CliError, ExitCode, ResponseError } from '../../errors.js';
import { type MaybeSystem, selectSystem } from '../run/system.js';
import { parseQuery } from './query.js';
import { resolveDeployment } from './resolve.js';
import { checkUpgrade, compareVersions, type Stack } from './upgrade-rules.js';

/** A search hit, read loosely: network data. */
interface Hit extends MaybeSystem {
  id: string;
  name?: string;
  healthy?: boolean;
  resources?: Partial<
    Record<
      string,
      {
        ref_id?: string;
        info?: {
          status?: string;
          healthy?: boolean;
          topology?: { healthy?: boolean; instances?: { service_version?: unknown }[] };
          elasticsearch?: { healthy?: boolean };
          plan_info?: {
            current?: { plan?: Record<string, { version?: unknown } | undefined> };
            pending?: unknown;
          };
        };
      }[]
    >
  >;
}

export interface Resource {
  kind: string;
  refId: string;
  version: string | undefined;
  healthy: boolean;
  pending: boolean;
  status: string | undefined;
}

/** A deployment of the fleet, as its search hit shows it. */
export interface Member {
  id: string;
  name: string;
  system: boolean;
  resources: Resource[];
  /** The lowest version any resource runs: what --below compares. */
  lowest: string | undefined;
}

export function memberOf(hit: Hit): Member {
  const resources: Resource[] = [];
  for (const kind of KINDS) {
    for (const r of hit.resources?.[kind] ?? []) {
      const planned = r.info?.plan_info?.current?.plan?.[kind]?.version;
      resources.push({
        kind,
        refId: r.ref_id ?? '',
        version:
          lowestRunning(r.info?.topology?.instances) ??
          (typeof planned === 'string' ? planned : undefined),
        // What runs: the instances and Elasticsearch's own health. A failed
        // last plan also makes a resource unhealthy in ECE's eyes, and that is
        // what a re-run of the rollout retries, so it does not count here.
        healthy: r.info?.topology?.healthy !== false && r.info?.elasticsearch?.healthy !== false,
        pending: r.info?.plan_info?.pending !== undefined && r.info.plan_info.pending !== null,
        status: r.info?.status,
      });
    }
  }
  const versions = resources.flatMap((r) => (r.version ? [r.version] : [])).sort(compareVersions);
  return {
    id: hit.id,
    name: hit.name ?? hit.id,
    system: hit.metadata?.system_owned === true,
    resources,
    lowest: versions[0],
  };
}

/**
 * The version a resource runs: the lowest of its instances'. Its current
 * plan may name a newer one that failed (ECE shows a failed attempt as
 * current and keeps the old instances), which a re-run must retry.
 */
export function lowestRunning(
  instances: readonly { service_version?: unknown }[] | undefined,
): string | undefined {
  const vs = (instances ?? []).flatMap((i) =>
    typeof i.service_version === 'string' && i.service_version !== '' ? [i.service_version] : [],
  );
  return vs.sort(compareVersions)[0];
}

/** Every deployment the query matches (all pages, on the cursor of a stable sort). */
export async function searchFleet(
  api: ApiClient,
  query: Record<string, unknown> | undefined,
): Promise<Member[]> {
  const { pages } = await import('../../api/pager.js');
  const out = new Map<string, Member>();
  const body = { ...(query ? { query } : {}), size: 500, sort: [{ id: { order: 'asc' } }] };
  for await (const page of pages(api, { path: '/deployments/_search', body })) {
    const hits = page.data.deployments;
    if (!Array.isArray(hits))
      throw new ResponseError('unexpected response from ECE: not a search result');
    for (const h of hits as Hit[])
      if (typeof h?.id === 'string' && !out.has(h.id)) out.set(h.id, memberOf(h));
  }
  return [...out.values()];
}

export interface Selection {
  names: string[];
  search?: string | undefined;
  below?: string | undefined;
  all?: boolean | undefined;
  includeSystem?: boolean | undefined;
}

/**
 * The deployments a selection names. Names keep their order and may name a
 * system deployment (naming it is the choice); --search, --below and --all
 * leave system deployments out unless --include-system (said on stderr).
 */
export async function select(
  api: ApiClient,
  s: Selection,
): Promise<{ members: Member[]; leftOut: Member[] }> {
  let members: Member[];
  if (s.names.length > 0) {
    const ids: string[] = [];
    for (const name of s.names) {
      const { id } = await resolveDeployment(api, name);
      if (!ids.includes(id)) ids.push(id);
    }
    const { fleetSearch } = await import('../../api/fleet.js');
    const found = parseBody<{ deployments?: Hit[] }>(
      await searchDeployments(api, fleetSearch(ids)),
    );
    const byId = new Map((found.deployments ?? []).map((h) => [h.id, memberOf(h)]));
    members = ids.map((id) => {
      const m = byId.get(id);
      if (!m)
        throw new CliError(`deployment ${id} is not in ECE's search index`, ExitCode.NOT_FOUND);
      return m;
    });
  } else {
    const query = s.search === undefined ? undefined : parseQuery(s.search, '--search');
    members = await searchFleet(api, query);
  }
  if (s.below !== undefined) {
    const below = s.below;
    members = members.filter((m) => m.lowest !== undefined && compareVersions(m.lowest, below) < 0);
  }
  if (s.names.length > 0) return { members, leftOut: [] };
  const { selected, leftOut } = selectSystem(
    members.map((m) => ({ ...m, metadata: { system_owned: m.system } })),
    s.includeSystem,
  );
  leftOut.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { members: selected, leftOut };
}

/** `deployments upgrade` over a selection: a rollout. */
export interface FleetInput {
  names: string[];
  search?: string;
  below?: string;
  all?: boolean;
  includeSystem?: boolean;
  concurrency: number;
  maxFailures: number;
  canary: string[];
}

export interface Skipped {
  member: Member;
  reason: string;
}

export interface Rollout {
  /** In the order they go: canaries first. */
  order: Member[];
  skipped: Skipped[];
}

/**
 * The order of a rollout and what it skips: already at the target (a
 * re-run resumes here), no upgrade path (ECE's rules, as the single upgrade
 * checks them), shut down, a pending plan, unhealthy. Named deployments keep
 * the order given; a search is upgraded by name. Canaries go first.
 */
export function planRollout(
  members: Member[],
  target: string,
  stacks: Stack[],
  opts: { canaries: string[]; byName: boolean },
): Rollout {
  const order: Member[] = [];
  const skipped: Skipped[] = [];
  for (const m of members) {
    const reason = skipReason(m, target, stacks);
    if (reason === undefined) order.push(m);
    else skipped.push({ member: m, reason });
  }
  if (opts.byName)
    order.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  const canary = (m: Member) => {
    const i = opts.canaries.findIndex((c) => c === m.id || c === m.name);
    return i < 0 ? opts.canaries.length : i;
  };
  // A stable sort: canaries in the order given, then the rest as they were.
  order.sort((a, b) => canary(a) - canary(b));
  return { order, skipped };
}

function skipReason(m: Member, target: string, stacks: Stack[]): string | undefined {
  const versioned = m.resources.filter((r) => r.version !== undefined);
  if (versioned.length === 0) return 'no stack version to upgrade from';
  if (versioned.every((r) => r.version === target)) return `already at ${target}`;
  const newer = versioned.find((r) => compareVersions(r.version ?? '', target) > 0);
  if (newer)
    return `no upgrade path: ${newer.kind} ${newer.refId} runs ${newer.version}, newer than ${target}`;
  const es = m.resources.find((r) => r.kind === 'elasticsearch')?.version ?? m.lowest ?? '';
  try {
    checkUpgrade(es, target, stacks);
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    return `no upgrade path: ${err.message}`;
  }
  if (m.resources.length > 0 && m.resources.every((r) => r.status === 'stopped'))
    return 'shut down';
  const pending = m.resources.filter((r) => r.pending);
  if (pending.length > 0)
    return `a plan is pending (${pending.map((r) => `${r.kind} ${r.refId}`).join(', ')})`;
  const sick = m.resources.filter((r) => !r.healthy);
  if (sick.length > 0) return `unhealthy (${sick.map((r) => `${r.kind} ${r.refId}`).join(', ')})`;
  return undefined;
}

/** The version a member comes from, as the plan and the table show it: its lowest. */
export const fromVersion = (m: Member): string => m.lowest ?? '-';
