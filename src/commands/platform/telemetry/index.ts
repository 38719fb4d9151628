// `ece platform telemetry show|set on|off`: whether ECE sends usage data to
// Elastic (/phone-home/config).

import type { Command } from 'commander';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';

const group = defineGroup({
  commands: [
    { name: 'show', summary: 'Show whether telemetry is on', load: () => import('./show.js') },
    { name: 'set', summary: 'Turn telemetry on or off', load: () => import('./set.js') },
  ],
});

export function register(parent: Command, contexts: Contexts): void {
  group.register(
    parent.command('telemetry').description('ECE telemetry: show, set on|off'),
    contexts,
  );
}
