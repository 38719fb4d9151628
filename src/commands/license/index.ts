// `ece license`: the group's verbs and help.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: '\nExamples:\n  $ ece license show\n  $ ece license set -f license.json --yes',
  commands: [
    {
      name: 'show',
      summary: 'Show the platform license',
      load: () => import('./show.js'),
    },
    {
      name: 'set',
      summary: 'Install a platform license from its file',
      load: () => import('./set.js'),
    },
  ],
});
