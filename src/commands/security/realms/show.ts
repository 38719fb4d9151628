// `ece security realms <type> show <id>`: one realm's configuration. Its
// secret fields, if ECE returns them, are masked in every format.

import { REALM_CALLS, REALM_SECRETS, type RealmKind } from '../../../api/security.js';
import { type Column, fieldsView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { maskedRealm } from './realm.js';

type Realm = Record<string, unknown> & { idp?: { metadata_path?: string } };

const columnsFor = (kind: RealmKind): Column<Realm>[] => [
  ['ID', (r) => r.id],
  ['NAME', (r) => r.name],
  ['ENABLED', (r) => r.enabled !== false],
  ['ORDER', (r) => r.order],
  ...(kind === 'saml'
    ? ([['IDP', (r) => r.idp?.metadata_path]] as Column<Realm>[])
    : ([
        ['URLS', (r) => r.urls],
        ['BIND_DN', (r) => r.bind_dn],
      ] as Column<Realm>[])),
  ['SECRETS', (r) => REALM_SECRETS[kind].filter((f) => r[f] !== undefined)],
  ['DEFAULT_ROLES', (r) => (r.role_mappings as { default_roles?: string[] })?.default_roles],
];

export const verbFor = (kind: RealmKind) =>
  defineVerb<{ id: string }>({
    effect: 'read',
    args: [{ name: 'id', description: 'realm id (ece security realms list)' }],
    description: `--json prints the realm as ECE returns it, but for secret fields, which are
masked: the output can be edited and given back to update or create.`,
    examples: [
      `ece security realms ${kind} show corp-${kind === 'saml' ? 'sso' : 'ldap'}`,
      `ece security realms ${kind} show corp-${kind === 'saml' ? 'sso' : 'ldap'} --json > realm.json`,
    ],
    async plan({ id }, ctx) {
      const { body, parsed } = maskedRealm(kind, await REALM_CALLS[kind].get(await ctx.api(), id));
      return { output: { body, parsed, view: fieldsView(columnsFor(kind)) } };
    },
  });
