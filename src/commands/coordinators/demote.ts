// `ece coordinators demote <id>`: the coordinator leaves the control plane.
// Destructive: the control plane loses a member (and with too few, its
// quorum); ECE refuses to demote the last one (exit 5). Read first, so that a
// wrong id is exit 3 before the question.

import { demoteCoordinatorRequest, getCoordinator } from '../../api/coordinators.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'destructive',
  args: [{ name: 'id', description: 'coordinator id (ece coordinators list)' }],
  examples: [
    'ece coordinators demote 192.168.44.12',
    'ece coordinators demote 192.168.44.12 --yes',
  ],
  async plan({ id }, ctx) {
    await getCoordinator(await ctx.api(), id);
    return {
      writes: [demoteCoordinatorRequest(id)],
      confirm: `Demote coordinator ${id}? The control plane loses a member.`,
      done: `Demoted coordinator ${id}.`,
    };
  },
});
