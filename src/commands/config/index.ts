// `ece config`: profiles of non-secret settings.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: `
Profiles hold non-secret settings (host, ca-cert, insecure, output, timeout);
secrets live in the OS keychain (see \`ece login\`). --profile NAME or
ECE_PROFILE picks a profile for one run. The file is config.json in
ECE_CONFIG_DIR or ~/.config/ece.

Examples:
  $ ece config set host ece.example.com
  $ ece config use lab
  $ ece config list`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List profiles; * marks the active one',
      load: () => import('./list.js'),
    },
    {
      name: 'show',
      summary: 'Show the settings of a profile (the active one by default)',
      load: () => import('./show.js'),
    },
    {
      name: 'set',
      summary: 'Set a setting of the active profile (or --profile NAME, created if new)',
      load: () => import('./set.js'),
    },
    {
      name: 'unset',
      summary: 'Remove a setting from the active profile',
      load: () => import('./unset.js'),
    },
    { name: 'use', summary: 'Make a profile the active one', load: () => import('./use.js') },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a profile and its stored credential',
      load: () => import('./delete.js'),
    },
  ],
});
