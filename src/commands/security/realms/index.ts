// `ece security realms`: list and reorder the realms, and a group per realm
// type (ldap, saml, active-directory) with create, show, update, delete —
// one verb file each, made for the type when it loads.

import type { Command } from 'commander';
import type { RealmKind } from '../../../api/security.js';
import type { Contexts } from '../../action.js';
import { defineGroup } from '../../run/command.js';
import { LABEL } from './labels.js';

function typeGroup(kind: RealmKind, aliases: string[]) {
  const label = LABEL[kind];
  const a = kind === 'saml' ? 'a' : 'an';
  const group = defineGroup({
    commands: [
      {
        name: 'create',
        summary: `Create ${a} ${label} realm from a file`,
        load: () => import('./create.js').then((m) => ({ verb: m.verbFor(kind) })),
      },
      {
        name: 'show',
        summary: `Show ${a} ${label} realm (secrets masked)`,
        load: () => import('./show.js').then((m) => ({ verb: m.verbFor(kind) })),
      },
      {
        name: 'update',
        summary: `Replace ${a} ${label} realm's configuration`,
        load: () => import('./update.js').then((m) => ({ verb: m.verbFor(kind) })),
      },
      {
        name: 'delete',
        aliases: ['rm'],
        summary: `Delete ${a} ${label} realm (asks first)`,
        load: () => import('./delete.js').then((m) => ({ verb: m.verbFor(kind) })),
      },
    ],
  });
  return (parent: Command, contexts: Contexts) =>
    group.register(
      parent
        .command(kind)
        .aliases(aliases)
        .description(`${label} realms: create, show, update, delete`),
      contexts,
    );
}

const realms = defineGroup({
  help: `
Examples:
  $ ece security realms list
  $ ece security realms ldap create -f corp-ldap.json --ask bind_password
  $ ece security realms reorder corp-ldap sso-okta`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the realms in the order ECE tries them',
      load: () => import('./list.js'),
    },
    {
      name: 'reorder',
      summary: 'Change the order ECE tries the realms in',
      load: () => import('./reorder.js'),
    },
    typeGroup('ldap', []),
    typeGroup('saml', []),
    typeGroup('active-directory', ['ad']),
  ],
});

export function register(parent: Command, contexts: Contexts): void {
  realms.register(
    parent
      .command('realms')
      .aliases(['realm'])
      .description('LDAP, SAML and Active Directory realms users sign in through'),
    contexts,
  );
}
