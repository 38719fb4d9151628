// `ece allocators list|show|maintenance`: the hosts that run instances.

import type { Command } from 'commander';
import { type ApiResponse, parseBody } from '../../api/body.js';
import { getAllocator, setMaintenance } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { fieldsView, listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';

interface Allocator {
  allocator_id: string;
  zone_id: string;
  host_ip: string;
  public_hostname: string;
  capacity: { memory: { total: number; used: number } };
  status: { connected: boolean; healthy: boolean; maintenance_mode: boolean };
  instances: {
    cluster_type: string;
    cluster_name?: string;
    instance_name: string;
    node_memory: number;
    deployment_id?: string;
  }[];
}

const columns: [string, (a: Allocator) => unknown][] = [
  ['ID', (a) => a.allocator_id],
  ['ZONE', (a) => a.zone_id],
  ['HOST', (a) => a.public_hostname],
  ['MEMORY_USED_MB', (a) => a.capacity.memory.used],
  ['MEMORY_TOTAL_MB', (a) => a.capacity.memory.total],
  ['INSTANCES', (a) => a.instances.length],
  ['HEALTHY', (a) => a.status.healthy],
  ['MAINTENANCE', (a) => a.status.maintenance_mode],
];

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    '\nExamples:\n  $ ece allocators list\n  $ ece allocators maintenance 192.168.44.10 on',
  );
  group
    .command('list')
    .alias('ls')
    .description('List allocators with their capacity, health and maintenance mode (every page)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece allocators list\n  $ ece allocators list --query "zones[].allocators[].allocator_id"',
    )
    .action(act(contexts, (ctx) => list(ctx)));
  group
    .command('show')
    .description('Show an allocator and the instances it runs')
    .argument('<id>', 'allocator id')
    .addHelpText('after', '\nExamples:\n  $ ece allocators show 192.168.44.10')
    .action(act(contexts, (ctx, id: string) => show(id, ctx)));
  group
    .command('maintenance')
    .description('Turn maintenance mode on or off (no new instances are placed there)')
    .argument('<id>', 'allocator id')
    .argument('<on|off>', 'on or off')
    .addHelpText('after', '\nExamples:\n  $ ece allocators maintenance 192.168.44.10 on')
    .action(act(contexts, (ctx, id: string, state: string) => maintenance(id, state, ctx)));
}

/** ECE answers at most this many allocators a page, with no total: page until a short one. */
export const ALLOCATOR_PAGE = 100;

type Overview = { zones?: { zone_id: string; allocators: Allocator[] }[] };

async function list(ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const { pages } = await import('../../api/pager.js');
  const count = (o: Overview) =>
    (o.zones ?? []).reduce((n, z) => n + (z.allocators?.length ?? 0), 0);
  let merged: Overview | undefined;
  let body: ApiResponse | string = '';
  const stream = pages(
    api,
    { path: '/platform/infrastructure/allocators', method: 'GET' },
    { mode: 'from', size: ALLOCATOR_PAGE, items: (d) => count(d as Overview) },
  );
  for await (const page of stream) {
    if (!merged) {
      // One page: its body as received; more: merged zone by zone.
      merged = page.data as Overview;
      body = page.response;
      continue;
    }
    for (const z of (page.data as Overview).zones ?? []) {
      merged.zones ??= [];
      const zone = merged.zones.find((m) => m.zone_id === z.zone_id);
      if (zone) zone.allocators.push(...z.allocators);
      else merged.zones.push(z);
    }
    body = (await import('../../lossless.js')).stringifyLossless(merged);
  }
  const view = listView<Allocator>(
    (data) =>
      (data as { zones?: { allocators: Allocator[] }[] }).zones?.flatMap((z) => z.allocators),
    columns,
    'No allocators.',
  );
  await renderer.body(body, view);
}

async function show(id: string, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await getAllocator(await ctx.api(), id);
  await renderer.body(res, fieldsView(columns));
  if (renderer.raw || renderer.format !== 'table') return;
  const a = parseBody<Allocator>(res);
  if (a.instances.length) {
    ctx.io.stdout.write('\n');
    renderer.grid({
      headers: ['INSTANCE', 'KIND', 'DEPLOYMENT', 'MEMORY_MB'],
      rows: a.instances.map((i) => [
        i.instance_name,
        i.cluster_type,
        i.cluster_name ?? i.deployment_id ?? '-',
        String(i.node_memory),
      ]),
    });
  }
}

async function maintenance(id: string, state: string, ctx: Context): Promise<void> {
  if (state !== 'on' && state !== 'off')
    throw new UsageError(`invalid state "${state}": use on or off`);
  await setMaintenance(await ctx.api(), id, state === 'on');
  ctx.io.stderr.write(`Maintenance mode ${state} for allocator ${id}.\n`);
}
