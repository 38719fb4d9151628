// The top-level command groups. Only names and summaries live here, so that
// `ece --help` loads no command code; a group's module is imported only when
// the command line names it.

import type { GroupModule } from './run/command.js';

export interface Group {
  name: string;
  aliases: string[];
  /** The heading `ece --help` lists the group under. */
  section: 'Deployments' | 'Platform' | 'Sign-in and profiles' | 'Tools';
  summary: string;
  /** Adds the group's verbs and help to the group's command. */
  load(): Promise<GroupModule>;
  /** Its command serves every declared verb (`ece mcp`): the program loads them all when it runs. */
  everyVerb?: true;
}

export const GROUPS: Group[] = [
  {
    name: 'deployments',
    aliases: ['deployment', 'dep'],
    section: 'Deployments',
    summary: 'List and manage deployments',
    load: () => import('./deployments/index.js'),
  },
  {
    name: 'traffic-filters',
    aliases: ['traffic-filter', 'tf'],
    section: 'Deployments',
    summary: 'Traffic filters: rulesets and associations',
    load: () => import('./traffic-filters/index.js'),
  },
  {
    name: 'extensions',
    aliases: ['extension'],
    section: 'Deployments',
    summary: 'Elasticsearch plugins and bundles: register, upload, delete',
    load: () => import('./extensions/index.js'),
  },
  {
    name: 'comments',
    aliases: ['comment'],
    section: 'Deployments',
    summary: 'Comments on resources and platform hosts',
    load: () => import('./comments/index.js'),
  },
  {
    name: 'platform',
    aliases: [],
    section: 'Platform',
    summary: 'ECE version and health; config store, trust, certificates, domain names, telemetry',
    load: () => import('./platform/index.js'),
  },
  {
    name: 'allocators',
    aliases: ['allocator'],
    section: 'Platform',
    summary: 'List and inspect allocators; maintenance mode',
    load: () => import('./allocators/index.js'),
  },
  {
    name: 'runners',
    aliases: ['runner'],
    section: 'Platform',
    summary: 'List, search and manage the runners (hosts) of the platform and their roles',
    load: () => import('./runners/index.js'),
  },
  {
    name: 'roles',
    aliases: ['role'],
    section: 'Platform',
    summary: 'List and manage runner (blueprinter) roles',
    load: () => import('./roles/index.js'),
  },
  {
    name: 'proxies',
    aliases: ['proxy'],
    section: 'Platform',
    summary: 'Proxies: list, health, filtered groups, settings',
    load: () => import('./proxies/index.js'),
  },
  {
    name: 'coordinators',
    aliases: ['coordinator'],
    section: 'Platform',
    summary: 'The control plane: coordinators, candidates, promote and demote',
    load: () => import('./coordinators/index.js'),
  },
  {
    name: 'constructors',
    aliases: ['constructor'],
    section: 'Platform',
    summary: 'List and inspect constructors; maintenance mode',
    load: () => import('./constructors/index.js'),
  },
  {
    name: 'templates',
    aliases: ['template'],
    section: 'Platform',
    summary: 'List and manage deployment templates',
    load: () => import('./templates/index.js'),
  },
  {
    name: 'instance-configs',
    aliases: ['instance-config', 'ic'],
    section: 'Platform',
    summary: 'List and manage instance configurations',
    load: () => import('./instance-configs/index.js'),
  },
  {
    name: 'stack',
    aliases: [],
    section: 'Platform',
    summary: 'Elastic Stack versions: list, show, upload stack packs, delete',
    load: () => import('./stack/index.js'),
  },
  {
    name: 'snapshot-repos',
    aliases: ['snapshot-repo'],
    section: 'Platform',
    summary: "List and manage the platform's snapshot repositories",
    load: () => import('./snapshot-repos/index.js'),
  },
  {
    name: 'license',
    aliases: [],
    section: 'Platform',
    summary: 'Show and install the platform license',
    load: () => import('./license/index.js'),
  },
  {
    name: 'users',
    aliases: ['user'],
    section: 'Platform',
    summary: 'List and manage platform users',
    load: () => import('./users/index.js'),
  },
  {
    name: 'security',
    aliases: [],
    section: 'Platform',
    summary: 'Security realms (LDAP, SAML, Active Directory) and the security deployment',
    load: () => import('./security/index.js'),
  },
  {
    name: 'enrollment-tokens',
    aliases: ['enrollment-token'],
    section: 'Platform',
    summary: 'Create, list and delete the tokens new hosts join with',
    load: () => import('./enrollment-tokens/index.js'),
  },
  {
    name: 'tls',
    aliases: [],
    section: 'Platform',
    summary: 'Show and replace the Cloud UI and proxy TLS certificates',
    load: () => import('./tls/index.js'),
  },
  {
    name: 'logging',
    aliases: [],
    section: 'Platform',
    summary: 'Logging levels of allocators, constructors, runners and admin consoles',
    load: () => import('./logging/index.js'),
  },
  {
    name: 'login',
    aliases: [],
    section: 'Sign-in and profiles',
    summary: 'Sign in to ECE and keep the credential in the OS keychain',
    load: () => import('./auth/login.js'),
  },
  {
    name: 'logout',
    aliases: [],
    section: 'Sign-in and profiles',
    summary: 'End the session and remove the stored credential',
    load: () => import('./auth/logout.js'),
  },
  {
    name: 'auth',
    aliases: [],
    section: 'Sign-in and profiles',
    summary: 'Show sign-in status, print the token, manage API keys',
    load: () => import('./auth/index.js'),
  },
  {
    name: 'config',
    aliases: [],
    section: 'Sign-in and profiles',
    summary: 'List, show, change and switch profiles',
    load: () => import('./config/index.js'),
  },
  {
    name: 'api',
    aliases: [],
    section: 'Tools',
    summary: 'Send any request to the ECE API (the escape hatch)',
    load: () => import('./api/index.js'),
  },
  {
    name: 'completion',
    aliases: [],
    section: 'Tools',
    summary: 'Print the shell completion script for bash, zsh or fish',
    load: () => import('./completion/index.js'),
  },
  {
    name: 'sandbox',
    aliases: [],
    section: 'Tools',
    summary: 'Run a local ECE API simulator for trying ece and testing scripts',
    load: () => import('./sandbox/index.js'),
  },
  {
    name: 'mcp',
    aliases: [],
    section: 'Tools',
    summary: 'Serve the commands as MCP tools to an AI agent over stdio (read-only by default)',
    load: () => import('./mcp/index.js'),
    everyVerb: true,
  },
];

export function findGroup(name: string | undefined): Group | undefined {
  if (name === undefined) return undefined;
  return GROUPS.find((g) => g.name === name || g.aliases.includes(name));
}
