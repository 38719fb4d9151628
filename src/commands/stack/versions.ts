// `ece stack versions`: the Elastic Stack versions available to deployments.

import { listStackVersions } from '../../api/platform.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';

interface Stack {
  version?: string;
  accessible?: boolean;
  deleted?: boolean;
  upgradable_to: string[];
}

const view = listView<Stack>(
  (data) => (data as { stacks?: Stack[] }).stacks,
  [
    ['VERSION', (s) => s.version],
    ['USABLE', (s) => s.accessible !== false && s.deleted !== true],
    ['UPGRADES_TO', (s) => s.upgradable_to],
  ],
  'No stack versions.',
);

export const verb = defineVerb({
  effect: 'read',
  examples: ['ece stack versions', 'ece stack versions --query "stacks[].version"'],
  async plan(_input, ctx) {
    return { output: { body: await listStackVersions(await ctx.api()), view } };
  },
});
