// The services whose logging settings `ece logging` reads and changes: the
// command's name for each, the API's path segment, and the noun its lines use.

import type { LoggingComponent } from '../../api/logging.js';

export interface Component {
  /** The subcommand (`ece logging admin-consoles …`). */
  name: string;
  aliases: string[];
  /** The API's path segment. */
  path: LoggingComponent;
  /** One of them, in sentences. */
  noun: string;
  /** With its article (`an allocator`). */
  one: string;
  /** An id to show in examples. */
  example: string;
}

export const COMPONENTS: Component[] = [
  {
    name: 'allocators',
    aliases: ['allocator'],
    path: 'allocators',
    noun: 'allocator',
    one: 'an allocator',
    example: '192.168.44.10',
  },
  {
    name: 'constructors',
    aliases: ['constructor'],
    path: 'constructors',
    noun: 'constructor',
    one: 'a constructor',
    example: '192.168.44.10',
  },
  {
    name: 'runners',
    aliases: ['runner'],
    path: 'runners',
    noun: 'runner',
    one: 'a runner',
    example: '192.168.44.10',
  },
  {
    name: 'admin-consoles',
    aliases: ['admin-console', 'adminconsoles'],
    path: 'adminconsoles',
    noun: 'admin console',
    one: 'an admin console',
    example: '192.168.44.10',
  },
];
