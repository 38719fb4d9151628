// `ece platform info`: the installation's version, regions and their health.

import type { Command } from 'commander';
import { getPlatform } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';

interface Region {
  region_id: string;
  allocators?: {
    healthy: boolean;
    zone_summaries: { zone_id: string; total_allocators: number; healthy_allocators: number }[];
  };
  proxies?: { healthy: boolean; proxies_count: number };
  runners?: { healthy: boolean; total_runners: number };
}
interface Platform {
  version: string;
  regions: Region[];
}

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    '\nExamples:\n  $ ece platform info\n  $ ece platform info --json --query version',
  );
  group
    .command('info')
    .description('Show the ECE version and the health of each region')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece platform info\n  $ ece platform info --query version',
    )
    .action(act(contexts, (ctx) => run(ctx)));
}

export async function run(ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await getPlatform(await ctx.api());
  let version = '';
  const view = listView<Region>(
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
        (r) => sum(r.allocators?.zone_summaries.map((z) => `${z.healthy_allocators}`)),
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
  await renderer.body(res, view);
}

function sum(parts: string[] | undefined): number {
  return (parts ?? []).reduce((n, p) => n + Number(p), 0);
}
