// `ece logging <component> show <id>`: the logging levels a service
// overrides (LoggingSettings), one row per logger; --json is the body.

import { getLoggingSettings } from '../../api/logging.js';
import { text, type View } from '../../output/views.js';
import { defineVerb, type Verb } from '../run/types.js';
import type { Component } from './components.js';
import { ID_ARG, label } from './levels.js';

export function show(c: Component): Verb<{ id: string }> {
  return defineVerb<{ id: string }>({
    effect: 'read',
    args: [ID_ARG(c)],
    description: `One row per logger whose level is overridden (LOGGER LEVEL); none: the
defaults apply. --json: the body of GET …/${c.path}/{id}/logging_settings.`,
    examples: [
      `ece logging ${c.name} show ${c.example}`,
      `ece logging ${c.name} show ${c.example} --json > levels.json`,
    ],
    async plan({ id }, ctx) {
      const res = await getLoggingSettings(await ctx.api(), c.path, id);
      return {
        output: {
          body: res,
          view: levelsView(`No logging levels overridden on ${label(c, id)}: the defaults apply.`),
        },
      };
    },
  });
}

function levels(data: unknown): [string, string][] {
  const map = (data as { logging_levels?: Record<string, unknown> } | null)?.logging_levels ?? {};
  return Object.entries(map)
    .map(([k, v]): [string, string] => [k, text(v)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const levelsView = (emptyNote: string): View => ({
  emptyNote,
  isEmpty: (data) => levels(data).length === 0,
  grid: (data) => ({ headers: ['LOGGER', 'LEVEL'], rows: levels(data), keep: [0] }),
});
