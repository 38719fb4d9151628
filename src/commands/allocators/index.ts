// `ece allocators`: the hosts that run instances. One verb per file.

import { defineGroup } from '../run/command.js';
import * as metadata from './metadata/index.js';

export const { register } = defineGroup({
  help: `
An allocator is named by its id (usually its IP address).

Examples:
  $ ece allocators list
  $ ece allocators show 192.168.44.10
  $ ece allocators maintenance 192.168.44.10 on
  $ ece allocators vacate 192.168.44.10 --wait`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List allocators with their capacity, health and maintenance mode (every page)',
      load: () => import('./list.js'),
    },
    {
      name: 'show',
      summary: 'Show an allocator and the instances it runs',
      load: () => import('./show.js'),
    },
    {
      name: 'maintenance',
      summary: 'Turn maintenance mode on or off (no new instances are placed there)',
      load: () => import('./maintenance.js'),
    },
    {
      name: 'vacate',
      summary: 'Move the instances on allocators to other allocators (asks first)',
      load: () => import('./vacate.js'),
    },
    {
      name: 'delete',
      summary: 'Delete an allocator (refused by ECE while instances remain; asks first)',
      load: () => import('./delete.js'),
    },
    {
      name: 'search',
      summary:
        'Search allocators with a short query (zone:, healthy:, maintenance:, capacity ranges)',
      load: () => import('./search.js'),
    },
    metadata.register,
  ],
});
