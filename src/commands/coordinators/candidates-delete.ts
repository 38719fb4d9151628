// `ece coordinators candidates delete <id>`: forgets a candidate. Destructive:
// the host has to be installed again to become a candidate again. The
// candidate is read first, so that a wrong id is exit 3 before the question.

import { deleteCandidateRequest, getCoordinatorCandidate } from '../../api/coordinators.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'destructive',
  args: [{ name: 'id', description: 'candidate id' }],
  examples: [
    'ece coordinators candidates delete 192.168.44.13',
    'ece coordinators candidates delete 192.168.44.13 --yes',
  ],
  async plan({ id }, ctx) {
    await getCoordinatorCandidate(await ctx.api(), id);
    return {
      writes: [deleteCandidateRequest(id)],
      confirm: `Delete coordinator candidate ${id}? The host must be installed again to be one.`,
      done: `Deleted coordinator candidate ${id}.`,
    };
  },
});
