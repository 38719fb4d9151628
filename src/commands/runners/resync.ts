// `ece runners resync <runner>` or `--all`: rebuilds ECE's search index (and
// cache) entry of one runner, or of every runner. Changes no runner.

import { parseBody } from '../../api/body.js';
import { resyncRunnerRequest, resyncRunnersRequest } from '../../api/runners.js';
import { UsageError } from '../../errors.js';
import { defineVerb } from '../run/types.js';

interface Results {
  results?: Record<string, { updated?: unknown[]; errors?: unknown[] }>;
}

export const verb = defineVerb<{ runner?: string; all?: boolean }>({
  effect: 'write',
  args: [{ name: 'runner', description: 'runner id', required: false }],
  options: [{ flags: '--all', description: 'every runner' }],
  description: `When \`runners search\` and \`runners show\` disagree, the search index is
stale: a resync rebuilds it from the runner's state.`,
  examples: ['ece runners resync 192.168.44.10', 'ece runners resync --all'],
  input(raw) {
    const input = raw as { runner?: string; all?: boolean };
    if (input.all && input.runner !== undefined)
      throw new UsageError('--all cannot be combined with a runner id');
    if (!input.all && input.runner === undefined)
      throw new UsageError('give a runner id, or --all');
    return input;
  },
  plan: async ({ runner: id }) => ({
    writes: [id === undefined ? resyncRunnersRequest() : resyncRunnerRequest(id)],
    done: (sent) => {
      if (id !== undefined) return `Resynchronized runner ${id}.`;
      const res = sent[0];
      const results = res ? Object.values(parseBody<Results>(res).results ?? {}) : [];
      const count = (k: 'updated' | 'errors') =>
        results.reduce((n, r) => n + (Array.isArray(r[k]) ? r[k].length : 0), 0);
      return `Resynchronizing every runner: ${count('updated')} updated, ${count('errors')} errors.`;
    },
  }),
});
