// `ece allocators list`: every allocator (all pages), a row each.

import type { ApiResponse } from '../../api/body.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { defineVerb, type Plan } from '../run/types.js';
import { filterOverview, parseFilter } from './filter.js';
import { type Allocator, COLUMNS } from './model.js';

export const verb = defineVerb<{ filter?: string[] }>({
  effect: 'read',
  options: [
    {
      flags: '--filter <expr>',
      description: 'keep allocators that match (repeatable): zone=z1, "free>=8g" …',
      repeatable: true,
    },
  ],
  description: `Piped: one tab-separated row per allocator, no header, in the columns of the
table (id, zone, host, memory used and total in MB, instances, healthy,
maintenance). --json prints ECE's body; more than one page is merged zone by
zone.

--filter (repeatable; all must hold) keeps the allocators that match, in
ECE's body too (zones left empty are dropped): zone=ID[,ID…] (or !=),
maintenance|healthy|connected=true|false, and capacity (total memory),
free or used memory in MB or with a unit, compared with = != > >= < <= or
as a range N..M.`,
  examples: [
    'ece allocators list',
    'ece allocators list --filter zone=ece-zone-1 --filter maintenance=false',
    "ece allocators list --filter 'free>=8g' --json",
    'ece allocators list --query "zones[].allocators[].allocator_id"',
  ],
  plan: (input, ctx) => plan(ctx, input.filter ?? []),
});

/** ECE answers at most this many allocators a page, with no total: page until a short one. */
export const ALLOCATOR_PAGE = 100;

type Overview = { zones?: { zone_id: string; allocators: Allocator[] }[] };

async function plan(ctx: Context, filters: string[]): Promise<Plan> {
  const predicates = filters.map((f) => parseFilter(f));
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
  if (predicates.length > 0 && merged) {
    const { stringifyLossless } = await import('../../lossless.js');
    body = stringifyLossless(filterOverview(merged, predicates));
  }
  const view = listView<Allocator>(
    (data) => (data as Overview).zones?.flatMap((z) => z.allocators),
    COLUMNS,
    'No allocators.',
  );
  return { output: { body, view } };
}
