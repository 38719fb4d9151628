// `ece coordinators promote <candidate>`: the candidate joins the control
// plane. A write: `ece coordinators demote` takes it back out.

import { promoteCandidateRequest } from '../../api/coordinators.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'write',
  args: [{ name: 'id', description: 'candidate id (ece coordinators candidates list)' }],
  description: `ECE accepts the promotion (HTTP 202) and the host joins the coordinators;
\`ece coordinators list\` shows it once it has.`,
  examples: [
    'ece coordinators promote 192.168.44.13',
    'ece coordinators promote 192.168.44.13 --dry-run',
  ],
  async plan({ id }) {
    return {
      writes: [promoteCandidateRequest(id)],
      done: `Promoting coordinator candidate ${id}.`,
    };
  },
});
