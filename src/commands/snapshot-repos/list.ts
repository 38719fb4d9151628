// `ece snapshot-repos list`: the platform's snapshot repositories.

import { listSnapshotRepos } from '../../api/snapshot-repos.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { columns, type RepoConfig } from './columns.js';

export const verb = defineVerb({
  effect: 'read',
  examples: [
    'ece snapshot-repos list',
    'ece snapshot-repos list --query "configs[].repository_name"',
  ],
  async plan(_input, ctx) {
    const res = await listSnapshotRepos(await ctx.api());
    return {
      output: {
        body: res,
        view: listView<RepoConfig>(
          (d) => (d as { configs?: RepoConfig[] }).configs,
          columns,
          'No snapshot repositories.',
        ),
      },
    };
  },
});
