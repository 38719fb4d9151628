// `ece deployments resource`: one resource of a deployment on its own — show
// it, shut it down, restore it, delete it (stateless kinds), capture its
// diagnostics, override its instances' size. ecctl's `deployment resource`
// names; restart, stop and start stay where they were (`ece deployments
// restart|stop|start --kind`). One verb per file.

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const resource = defineGroup({
  help: `
Examples:
  $ ece deployments resource show prod-logs --kind kibana
  $ ece deployments resource shutdown prod-logs --kind apm --yes --wait
  $ ece deployments resource delete prod-logs --kind apm --yes`,
  commands: [
    {
      name: 'show',
      aliases: ['get'],
      summary: 'Show one resource of a deployment: status, health, version, plans',
      load: () => import('./show.js'),
    },
    {
      name: 'shutdown',
      summary: 'Shut down one resource of a deployment (asks first)',
      load: () => import('./shutdown.js'),
    },
    {
      name: 'restore',
      summary: 'Bring back a shut-down resource of a deployment',
      load: () => import('./restore.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a shut-down Kibana, APM or other stateless resource (asks first)',
      load: () => import('./delete.js'),
    },
    {
      name: 'diagnostics',
      summary: 'Capture a diagnostics bundle of Elasticsearch or Kibana to a file',
      load: () => import('./diagnostics.js'),
    },
    {
      name: 'overrides',
      summary:
        "Override the memory or disk of an Elasticsearch resource's instances until its next plan",
      load: () => import('./overrides.js'),
    },
  ],
});

export function register(group: Command, contexts: Contexts): void {
  resource.register(
    group
      .command('resource')
      .description(
        'One resource of a deployment: show, shutdown, restore, delete, diagnostics, overrides',
      ),
    contexts,
  );
}
