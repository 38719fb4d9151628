// `ece logging`: the logging levels of the platform's own services —
// allocators, constructors, runners, admin consoles —, each a nested group
// with show, set (replace), update (merge) and delete (back to defaults).

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { defineGroup, type Register } from '../run/command.js';
import { COMPONENTS, type Component } from './components.js';

const verbs = (c: Component) =>
  defineGroup({
    commands: [
      {
        name: 'show',
        summary: `Show the logging levels ${c.one} overrides`,
        load: () => import('./show.js').then((m) => ({ verb: m.show(c) })),
      },
      {
        name: 'set',
        summary: `Replace the logging levels of ${c.one}`,
        load: () => import('./set.js').then((m) => ({ verb: m.set(c) })),
      },
      {
        name: 'update',
        summary: `Change some logging levels of ${c.one}, keep the others`,
        load: () => import('./update.js').then((m) => ({ verb: m.update(c) })),
      },
      {
        name: 'delete',
        aliases: ['reset'],
        summary: `Reset the logging levels of ${c.one} to the defaults`,
        load: () => import('./delete.js').then((m) => ({ verb: m.reset(c) })),
      },
    ],
  });

const nested =
  (c: Component): Register =>
  (group: Command, contexts: Contexts) =>
    verbs(c).register(
      group.command(c.name).aliases(c.aliases).description(`Logging levels of the ${c.noun}s`),
      contexts,
    );

export const { register } = defineGroup({
  help: `
Examples:
  $ ece logging allocators show 192.168.44.10
  $ ece logging runners update 192.168.44.10 --level com.elastic.cloud=DEBUG
  $ ece logging runners delete 192.168.44.10`,
  commands: COMPONENTS.map(nested),
});
