// `ece platform extra-certificates` (alias extra-certs): certificate bundles
// ECE keeps under an id beside its own (`ece tls` has the Cloud UI's and the
// proxies').

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const group = defineGroup({
  help: `
Examples:
  $ ece platform extra-certs list
  $ ece platform extra-certs set star_example_com -f bundle.pem`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the extra certificates',
      load: () => import('./list.js'),
    },
    {
      name: 'show',
      summary: "Show an extra certificate's public chain",
      load: () => import('./show.js'),
    },
    {
      name: 'set',
      summary: 'Add an extra certificate, or replace one (asks first when it replaces)',
      load: () => import('./set.js'),
    },
    {
      name: 'delete',
      summary: 'Delete an extra certificate (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});

export function register(parent: Command, contexts: Contexts): void {
  group.register(
    parent
      .command('extra-certificates')
      .aliases(['extra-certs'])
      .description('Extra certificates: list, show, set, delete'),
    contexts,
  );
}
