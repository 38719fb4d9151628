// `ece platform domain-name show|set`: the domain that deployments' endpoints
// are named under (`<id>.<domain>`), the default or one resource kind's.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const group = defineGroup({
  commands: [
    { name: 'show', summary: 'Show the deployment domain name', load: () => import('./show.js') },
    {
      name: 'set',
      summary: 'Change the deployment domain name (asks first: endpoints change)',
      load: () => import('./set.js'),
    },
  ],
});

export function register(parent: Command, contexts: Contexts): void {
  group.register(
    parent.command('domain-name').description("The deployments' domain name: show, set"),
    contexts,
  );
}
