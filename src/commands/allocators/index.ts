// `ece allocators`: the hosts that run instances. One verb per file.

import { defineGroup } from '../run/command.js';
import * as del from './delete.js';
import * as list from './list.js';
import * as metadata from './metadata/index.js';
import * as search from './search.js';
import * as show from './show.js';
import * as vacate from './vacate.js';

export const { register } = defineGroup({
  help: `
An allocator is named by its id (usually its IP address).

Examples:
  $ ece allocators list
  $ ece allocators show 192.168.44.10
  $ ece allocators maintenance 192.168.44.10 on
  $ ece allocators vacate 192.168.44.10 --wait`,
  commands: [
    list.register,
    show.register,
    {
      name: 'maintenance',
      summary: 'Turn maintenance mode on or off (no new instances are placed there)',
      load: () => import('./maintenance.js'),
    },
    vacate.register,
    del.register,
    search.register,
    metadata.register,
  ],
});
