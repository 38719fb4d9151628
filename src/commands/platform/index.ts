// `ece platform`: the group's verbs and help.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: '\nExamples:\n  $ ece platform info\n  $ ece platform info --json --query version',
  commands: [
    {
      name: 'info',
      summary: 'Show the ECE version and the health of the installation',
      load: () => import('./info.js'),
    },
  ],
});
