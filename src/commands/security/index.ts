// `ece security`: the platform's security configuration — realms (realms/)
// and the security deployment (deployment/). Enrollment tokens and TLS
// certificates have their own groups (enrollment-tokens, tls).

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { defineGroup } from '../run/command.js';
import * as realms from './realms/index.js';

const deployment = defineGroup({
  commands: [
    {
      name: 'show',
      summary: "Show the security deployment's version, status and health",
      load: () => import('./deployment/show.js'),
    },
    {
      name: 'create',
      summary: 'Create the security deployment',
      load: () => import('./deployment/create.js'),
    },
    {
      name: 'update',
      summary: 'Upgrade or resize the security deployment',
      load: () => import('./deployment/update.js'),
    },
  ],
});

export const { register } = defineGroup({
  help: `
Enrollment tokens and TLS certificates: ece enrollment-tokens, ece tls.

Examples:
  $ ece security realms list
  $ ece security realms ldap create -f corp-ldap.json --ask bind_password
  $ ece security deployment show`,
  commands: [
    realms.register,
    (group: Command, contexts: Contexts) =>
      deployment.register(
        group
          .command('deployment')
          .description('The security deployment that holds the realms: show, create, update'),
        contexts,
      ),
  ],
});
