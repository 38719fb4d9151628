// `ece license`: the group's verbs and help.

import { defineGroup } from '../run/command.js';
import * as show from './show.js';

export const { register } = defineGroup({
  help: '\nExamples:\n  $ ece license show\n  $ ece license set -f license.json --yes',
  commands: [
    show.register,
    {
      name: 'set',
      summary: 'Install a platform license from its file',
      load: () => import('./set.js'),
    },
  ],
});
