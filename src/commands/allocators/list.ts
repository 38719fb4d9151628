// `ece allocators list`: every allocator (all pages), a row each.

import type { Command } from 'commander';
import type { ApiResponse } from '../../api/body.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { type Allocator, COLUMNS } from './model.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List allocators with their capacity, health and maintenance mode (every page)')
    .addHelpText(
      'after',
      `
Piped: one tab-separated row per allocator, no header, in the columns of the
table (id, zone, host, memory used and total in MB, instances, healthy,
maintenance). --json prints ECE's body; more than one page is merged zone by
zone.

Examples:
  $ ece allocators list
  $ ece allocators list --query "zones[].allocators[].allocator_id"`,
    )
    .action(act(contexts, (ctx) => run(ctx)));
}

/** ECE answers at most this many allocators a page, with no total: page until a short one. */
export const ALLOCATOR_PAGE = 100;

type Overview = { zones?: { zone_id: string; allocators: Allocator[] }[] };

export async function run(ctx: Context): Promise<void> {
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
    (data) => (data as Overview).zones?.flatMap((z) => z.allocators),
    COLUMNS,
    'No allocators.',
  );
  await renderer.body(body, view);
}
