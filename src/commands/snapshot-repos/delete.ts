// `ece snapshot-repos delete <name>`: asks first; --yes skips that.

import { deleteSnapshotRepo, getSnapshotRepo } from '../../api/snapshot-repos.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb<{ name: string; cleanupDeployments?: boolean }>({
  effect: 'destructive',
  args: [{ name: 'name', description: 'repository name' }],
  options: [
    {
      flags: '--cleanup-deployments',
      description: 'also remove it from the deployments that use it',
    },
  ],
  description: `Deployments that snapshot to it stop taking snapshots unless
--cleanup-deployments moves them off it (ECE does that in the background).`,
  examples: [
    'ece snapshot-repos delete old-backups',
    'ece snapshot-repos delete old-backups --cleanup-deployments --yes',
  ],
  async plan({ name, cleanupDeployments }, ctx) {
    await getSnapshotRepo(await ctx.api(), name);
    return {
      writes: [deleteSnapshotRepo(name, { cleanupDeployments })],
      confirm: `Delete snapshot repository ${name}?`,
      done: `Deleted snapshot repository ${name}.`,
    };
  },
});
