// `ece snapshot-repos show <name>`. The table lists the settings' names
// (their values may be credentials); --json prints the API's body.

import { getSnapshotRepo } from '../../api/snapshot-repos.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { detailColumns } from './columns.js';

export const verb = defineVerb<{ name: string }>({
  effect: 'read',
  args: [{ name: 'name', description: 'repository name' }],
  examples: [
    'ece snapshot-repos show ece-snapshots',
    'ece snapshot-repos show ece-snapshots --json',
  ],
  async plan({ name }, ctx) {
    const res = await getSnapshotRepo(await ctx.api(), name);
    return { output: { body: res, view: fieldsView(detailColumns) } };
  },
});
