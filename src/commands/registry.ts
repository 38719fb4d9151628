// The top-level command groups. Only names and summaries live here, so that
// `ece --help` loads no command code; a group's module is imported only when
// the command line names it.

import type { Command } from 'commander';
import type { Contexts } from './action.js';

export interface Group {
  name: string;
  aliases: string[];
  summary: string;
  /** Adds the group's verbs and help to the group's command. */
  load(): Promise<{ register(group: Command, contexts: Contexts): void }>;
}

export const GROUPS: Group[] = [
  {
    name: 'deployments',
    aliases: ['deployment', 'dep'],
    summary: 'List and manage deployments',
    load: () => import('./deployments/index.js'),
  },
  {
    name: 'login',
    aliases: [],
    summary: 'Sign in to ECE and keep the credential in the OS keychain',
    load: () => import('./auth/login.js'),
  },
  {
    name: 'logout',
    aliases: [],
    summary: 'End the session and remove the stored credential',
    load: () => import('./auth/logout.js'),
  },
  {
    name: 'auth',
    aliases: [],
    summary: 'Show sign-in status, print the token, manage API keys',
    load: () => import('./auth/index.js'),
  },
  {
    name: 'config',
    aliases: [],
    summary: 'List, show, change and switch profiles',
    load: () => import('./config/index.js'),
  },
  {
    name: 'api',
    aliases: [],
    summary: 'Send any request to the ECE API (the escape hatch)',
    load: () => import('./api/index.js'),
  },
  {
    name: 'platform',
    aliases: [],
    summary: 'Show the ECE version and the health of its regions',
    load: () => import('./platform/index.js'),
  },
  {
    name: 'allocators',
    aliases: ['allocator'],
    summary: 'List and inspect allocators; maintenance mode',
    load: () => import('./allocators/index.js'),
  },
  {
    name: 'runners',
    aliases: ['runner'],
    summary: 'List, search and manage the runners (hosts) of the platform and their roles',
    load: () => import('./runners/index.js'),
  },
  {
    name: 'stack',
    aliases: [],
    summary: 'Elastic Stack versions: list, show, upload stack packs, delete',
    load: () => import('./stack/index.js'),
  },
  {
    name: 'templates',
    aliases: ['template'],
    summary: 'List and manage deployment templates',
    load: () => import('./templates/index.js'),
  },
  {
    name: 'users',
    aliases: ['user'],
    summary: 'List and manage platform users',
    load: () => import('./users/index.js'),
  },
  {
    name: 'completion',
    aliases: [],
    summary: 'Print the shell completion script for bash, zsh or fish',
    load: () => import('./completion/index.js'),
  },
  {
    name: 'sandbox',
    aliases: [],
    summary: 'Run a local ECE API simulator for trying ece and testing scripts',
    load: () => import('./sandbox/index.js'),
  },
  {
    name: 'instance-configs',
    aliases: ['instance-config', 'ic'],
    summary: 'List and manage instance configurations',
    load: () => import('./instance-configs/index.js'),
  },
  {
    name: 'snapshot-repos',
    aliases: ['snapshot-repo'],
    summary: "List and manage the platform's snapshot repositories",
    load: () => import('./snapshot-repos/index.js'),
  },
  {
    name: 'proxies',
    aliases: ['proxy'],
    summary: 'List and inspect the proxies',
    load: () => import('./proxies/index.js'),
  },
  {
    name: 'constructors',
    aliases: ['constructor'],
    summary: 'List and inspect constructors; maintenance mode',
    load: () => import('./constructors/index.js'),
  },
  {
    name: 'license',
    aliases: [],
    summary: 'Show and install the platform license',
    load: () => import('./license/index.js'),
  },
  {
    name: 'extensions',
    aliases: ['extension'],
    summary: 'Elasticsearch plugins and bundles: register, upload, delete',
    load: () => import('./extensions/index.js'),
  },
  {
    name: 'roles',
    aliases: ['role'],
    summary: 'List and manage runner (blueprinter) roles',
    load: () => import('./roles/index.js'),
  },
  {
    name: 'enrollment-tokens',
    aliases: ['enrollment-token'],
    summary: 'Create, list and delete the tokens new hosts join with',
    load: () => import('./enrollment-tokens/index.js'),
  },
  {
    name: 'tls',
    aliases: [],
    summary: 'Show and replace the Cloud UI and proxy TLS certificates',
    load: () => import('./tls/index.js'),
  },
  {
    name: 'traffic-filters',
    aliases: ['traffic-filter', 'tf'],
    summary: 'Traffic filters: rulesets and associations',
    load: () => import('./traffic-filters/index.js'),
  },
  {
    name: 'comments',
    aliases: ['comment'],
    summary: 'Comments on resources and platform hosts',
    load: () => import('./comments/index.js'),
  },
];

export function findGroup(name: string | undefined): Group | undefined {
  if (name === undefined) return undefined;
  return GROUPS.find((g) => g.name === name || g.aliases.includes(name));
}
