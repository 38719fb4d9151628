// `ece platform info`: is the installation healthy? On a terminal, one
// screen: the version, then per region the allocators, proxies and runners
// with their health (all from GET /platform), then ECE's own (system)
// deployments, found with one search. Piped: a row per region, as before;
// --json: the body of GET /platform, unchanged.

import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { searchDeployments } from '../../api/deployments.js';
import { getPlatform } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { CliError, InterruptedError } from '../../errors.js';
import type { View } from '../../output/views.js';
import { listView, text } from '../../output/views.js';
import { defineVerb, type Plan } from '../run/types.js';

interface Zone {
  zone_id: string;
  total_allocators: number;
  healthy_allocators: number;
  connected_allocators?: number;
  in_maintenance_allocators?: number;
}
interface Region {
  region_id: string;
  allocators?: { healthy: boolean; zone_summaries: Zone[] };
  proxies?: { healthy: boolean; proxies_count: number; expected_proxies_count?: number };
  constructors?: {
    constructors: {
      constructor_id: string;
      status: { connected: boolean; maintenance_mode: boolean };
    }[];
  };
  runners?: {
    healthy: boolean;
    total_runners: number;
    healthy_runners?: number;
    connected_runners?: number;
  };
}
interface Platform {
  version: string;
  regions: Region[];
  unreachable_regions?: { region_id: string }[];
}
interface SystemDeployment {
  name: string;
  healthy: boolean;
  resources?: Record<string, { info?: { status?: string } }[]>;
  metadata?: { system_owned?: boolean };
}

export const verb = defineVerb({
  effect: 'read',
  description: `On a terminal: the allocators, proxies, constructors and runners of each
region and the system deployments, each with its health. Piped: one row per region
(VERSION REGION ZONES ALLOCATORS RUNNERS PROXIES HEALTHY). --json: the body
of GET /platform.`,
  examples: [
    'ece platform info',
    'ece platform info --query version',
    "ece platform info --json | jq '.regions[] | select(.allocators.healthy | not)'",
  ],
  plan: (_input, ctx) => plan(ctx),
});

async function plan(ctx: Context): Promise<Plan> {
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const res = await getPlatform(api);
  if (renderer.format !== 'table' || renderer.raw)
    return { output: { body: res, view: regionRows } };
  const system = await systemDeployments(api, ctx);
  const rows = healthRows(parseBody<Platform>(res), system);
  const sick = rows.filter((r) => r[1] === 'no').map((r) => r[0]);
  return {
    output: { body: res, view: screen(rows) },
    ...(sick.length ? { done: `Not healthy: ${sick.join(', ')}.` } : {}),
  };
}

/** ECE's own deployments (admin console, logging and metrics, security); undefined if unknown. */
async function systemDeployments(
  api: ApiClient,
  ctx: Context,
): Promise<SystemDeployment[] | undefined> {
  try {
    // metadata is not nested in ECE's index (only metadata.tags is): a plain term.
    const res = await searchDeployments(api, {
      query: { term: { 'metadata.system_owned': { value: 'true' } } },
      size: 100,
    });
    const found = parseBody<{ deployments?: SystemDeployment[] }>(res).deployments ?? [];
    // Trust the flag, not the query: a server that ignores the term lists everything.
    return found
      .filter((d) => d.metadata?.system_owned === true)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    if (err instanceof InterruptedError || !(err instanceof CliError)) throw err;
    ctx.warn(`cannot read the system deployments (${err.message})`);
    return undefined;
  }
}

type Row = [component: string, healthy: string, detail: string];

export function healthRows(p: Platform, system: SystemDeployment[] | undefined): Row[] {
  const yes = (b: boolean | undefined) => (b === undefined ? '-' : text(b));
  const rows: Row[] = [['ece', '-', `version ${p.version}`]];
  const many = p.regions.length + (p.unreachable_regions?.length ?? 0) > 1;
  for (const r of p.regions) {
    const at = many ? ` (${r.region_id})` : '';
    const zones = r.allocators?.zone_summaries ?? [];
    const total = zones.reduce((n, z) => n + z.total_allocators, 0);
    const healthy = zones.reduce((n, z) => n + z.healthy_allocators, 0);
    const maintenance = zones.reduce((n, z) => n + (z.in_maintenance_allocators ?? 0), 0);
    const ok =
      r.allocators?.healthy !== false &&
      r.proxies?.healthy !== false &&
      r.runners?.healthy !== false;
    rows.push([`region${at}`, yes(ok), `${r.region_id}, ${zones.length} zones`]);
    if (r.allocators)
      rows.push([
        `allocators${at}`,
        yes(r.allocators.healthy),
        `${healthy} of ${total} healthy, ${maintenance} in maintenance`,
      ]);
    if (r.proxies) {
      const expected = r.proxies.expected_proxies_count;
      rows.push([
        `proxies${at}`,
        yes(r.proxies.healthy),
        expected === undefined
          ? `${r.proxies.proxies_count} running`
          : `${r.proxies.proxies_count} of ${expected} expected running`,
      ]);
    }
    if (r.constructors) {
      const all = r.constructors.constructors;
      const connected = all.filter((c) => c.status.connected).length;
      const paused = all.filter((c) => c.status.maintenance_mode).length;
      // A constructor in maintenance mode stalls every plan: not healthy.
      rows.push([
        `constructors${at}`,
        yes(connected === all.length && paused === 0),
        `${connected} of ${all.length} connected, ${paused} in maintenance`,
      ]);
    }
    if (r.runners) {
      const n = r.runners.total_runners;
      rows.push([
        `runners${at}`,
        yes(r.runners.healthy),
        `${r.runners.healthy_runners ?? '?'} of ${n} healthy, ${r.runners.connected_runners ?? '?'} of ${n} connected`,
      ]);
    }
  }
  for (const u of p.unreachable_regions ?? [])
    rows.push([`region (${u.region_id})`, 'no', 'unreachable']);
  if (system === undefined) rows.push(['system deployments', '-', 'unknown: the search failed']);
  else if (system.length === 0) rows.push(['system deployments', '-', 'none found']);
  for (const d of system ?? []) {
    const statuses = new Set<string>();
    for (const list of Object.values(d.resources ?? {}))
      for (const res of list) statuses.add(res.info?.status ?? 'unknown');
    rows.push([`deployment ${d.name}`, yes(d.healthy), [...statuses].join(', ') || '-']);
  }
  return rows;
}

const screen = (rows: Row[]): View => ({
  emptyNote: '',
  isEmpty: () => false,
  grid: () => ({ headers: ['COMPONENT', 'HEALTHY', 'DETAIL'], rows, keep: [0] }),
});

/** Piped: a row per region, with fixed columns for scripts. */
const regionRows: View = (() => {
  let version = '';
  return listView<Region>(
    (data) => {
      version = (data as Platform).version;
      return (data as Platform).regions;
    },
    [
      ['VERSION', () => version],
      ['REGION', (r) => r.region_id],
      ['ZONES', (r) => r.allocators?.zone_summaries.map((z) => z.zone_id)],
      [
        'ALLOCATORS',
        (r) => (r.allocators?.zone_summaries ?? []).reduce((n, z) => n + z.healthy_allocators, 0),
      ],
      ['RUNNERS', (r) => r.runners?.total_runners],
      ['PROXIES', (r) => r.proxies?.proxies_count],
      [
        'HEALTHY',
        (r) =>
          Boolean(
            r.allocators?.healthy && r.proxies?.healthy !== false && r.runners?.healthy !== false,
          ),
      ],
    ],
    'No regions.',
    [],
  );
})();
