// `ece stack versions`: the Elastic Stack versions available to deployments.

import type { Command } from 'commander';
import { listStackVersions } from '../../api/platform.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';

interface Stack {
  version?: string;
  accessible?: boolean;
  deleted?: boolean;
  upgradable_to: string[];
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('versions')
    .description('List the Elastic Stack versions available to deployments')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece stack versions\n  $ ece stack versions --query "stacks[].version"',
    )
    .action(
      act(contexts, async (ctx) => {
        const renderer = await ctx.renderer();
        const res = await listStackVersions(await ctx.api());
        const view = listView<Stack>(
          (data) => (data as { stacks?: Stack[] }).stacks,
          [
            ['VERSION', (s) => s.version],
            ['USABLE', (s) => s.accessible !== false && s.deleted !== true],
            ['UPGRADES_TO', (s) => s.upgradable_to],
          ],
          'No stack versions.',
        );
        await renderer.body(res, view);
      }),
    );
}
