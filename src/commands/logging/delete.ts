// `ece logging <component> delete <id>` (alias reset): drops every override,
// the service's loggers back at their defaults. A write, not destructive:
// no service or data is lost, and `set` puts levels back (`show --json`
// first keeps them).

import { resetLoggingSettingsRequest } from '../../api/logging.js';
import { defineVerb, type Verb } from '../run/types.js';
import type { Component } from './components.js';
import { ID_ARG, label } from './levels.js';

export function reset(c: Component): Verb<{ id: string }> {
  return defineVerb<{ id: string }>({
    effect: 'write',
    args: [ID_ARG(c)],
    description: `Every logger of the ${c.noun} goes back to its default level. To keep a copy
first: ece logging ${c.name} show ID --json > levels.json (set -f restores it).`,
    examples: [
      `ece logging ${c.name} delete ${c.example}`,
      `ece logging ${c.name} reset ${c.example} --dry-run`,
    ],
    async plan({ id }) {
      return {
        writes: [resetLoggingSettingsRequest(c.path, id)],
        done: `Reset the logging levels of ${label(c, id)} to the defaults.`,
      };
    },
  });
}
