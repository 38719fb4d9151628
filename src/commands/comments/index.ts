// `ece comments`: the group's verbs and help.

import { defineGroup } from '../run/command.js';
import * as add from './add.js';
import * as del from './delete.js';
import * as list from './list.js';
import * as update from './update.js';

export const { register } = defineGroup({
  help: `
Comments are notes administrators leave on a deployment's resources (ECE
files them under the resource, not the deployment) or on allocators,
runners, constructors and proxies.

Examples:
  $ ece comments add prod-logs "Moved off allocator 192.168.44.11 for disk work"
  $ ece comments list prod-logs
  $ ece comments show prod-logs 93420f71ca474b79aa4bc2aaa7f37e21
  $ ece comments list --allocator 192.168.44.11`,
  commands: [
    list.register,
    {
      name: 'show',
      summary: 'Show one comment: author, message, times',
      load: () => import('./show.js'),
    },
    add.register,
    update.register,
    del.register,
  ],
});
