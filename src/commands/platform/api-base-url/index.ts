// `ece platform api-base-url show|set`: the URL ECE gives for its own API
// (in the links it sends and for SAML).

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const group = defineGroup({
  commands: [
    { name: 'show', summary: 'Show the API base URL', load: () => import('./show.js') },
    { name: 'set', summary: 'Change the API base URL', load: () => import('./set.js') },
  ],
});

export function register(parent: Command, contexts: Contexts): void {
  group.register(
    parent.command('api-base-url').description('The API base URL: show, set'),
    contexts,
  );
}
