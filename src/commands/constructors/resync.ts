// `ece constructors resync <constructor>` or `--all`: rebuilds ECE's search
// index (and cache) entry of one constructor, or of every constructor, as
// `runners resync` does for runners. Changes no constructor.

import { parseBody } from '../../api/body.js';
import { resyncConstructorRequest, resyncConstructorsRequest } from '../../api/infrastructure.js';
import { UsageError } from '../../errors.js';
import { defineVerb } from '../run/types.js';

interface Results {
  results?: Record<string, { updated?: unknown[]; errors?: unknown[] }>;
}

export const verb = defineVerb<{ id?: string; all?: boolean }>({
  effect: 'write',
  args: [{ name: 'id', description: 'constructor id (ece constructors list)', required: false }],
  options: [{ flags: '--all', description: 'every constructor' }],
  description: `When \`constructors list\` and \`constructors show\` disagree, the search index
is stale: a resync rebuilds it from the constructor's state. --all runs in the
background in ECE; its answer lists the ids it will synchronise.`,
  examples: ['ece constructors resync 192.168.44.10', 'ece constructors resync --all'],
  input(raw) {
    const input = raw as { id?: string; all?: boolean };
    if (input.all && input.id !== undefined)
      throw new UsageError('--all cannot be combined with a constructor id');
    if (!input.all && input.id === undefined)
      throw new UsageError('give a constructor id, or --all');
    return input;
  },
  plan: async ({ id }) => ({
    writes: [id === undefined ? resyncConstructorsRequest() : resyncConstructorRequest(id)],
    done: (sent) => {
      if (id !== undefined) return `Resynchronized constructor ${id}.`;
      const res = sent[0];
      const results = res ? Object.values(parseBody<Results>(res).results ?? {}) : [];
      const count = (k: 'updated' | 'errors') =>
        results.reduce((n, r) => n + (Array.isArray(r[k]) ? r[k].length : 0), 0);
      return `Resynchronizing every constructor: ${count('updated')} updated, ${count('errors')} errors.`;
    },
  }),
});
