// `ece runners list`: the runners (hosts) of the platform with their roles.

import { listRunners } from '../../api/platform.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { columns, type Runner } from './columns.js';

export const verb = defineVerb({
  effect: 'read',
  examples: ['ece runners list'],
  async plan(_input, ctx) {
    const res = await listRunners(await ctx.api());
    return { output: { body: res, view: runnersView('No runners.') } };
  },
});

/** `list` and `search` show runners alike. */
export const runnersView = (emptyNote: string) =>
  listView<Runner>((data) => (data as { runners?: Runner[] }).runners, columns, emptyNote);
