// `ece security realms <type> create -f realm.json`: a new LDAP, SAML or
// Active Directory realm (the spec's LdapSettings, SamlSettings,
// ActiveDirectorySettings). Its secrets come from the file, --secrets or
// --ask (realm.ts), never from a flag.

import { REALM_CALLS, type RealmKind } from '../../../api/security.js';
import { UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import {
  checkCanAsk,
  checkSecretInput,
  LABEL,
  realmBody,
  SECRET_OPTIONS,
  type SecretInput,
  secretsHelp,
} from './realm.js';

type Input = SecretInput & { file: string; id?: string };

const EXAMPLES: Record<RealmKind, string[]> = {
  ldap: [
    'ece security realms ldap create -f corp-ldap.json --ask bind_password',
    'ece security realms ldap create -f corp-ldap.yaml --secrets ldap-secrets.json',
  ],
  'active-directory': [
    'ece security realms active-directory create -f corp-ad.json --ask bind_password',
  ],
  saml: ['ece security realms saml create -f okta.json'],
};

export const verbFor = (kind: RealmKind) =>
  defineVerb<Input>({
    effect: 'write',
    options: [
      {
        flags: '-f, --file <file>',
        description: `the ${LABEL[kind]} realm, JSON or YAML (- for stdin)`,
        required: true,
      },
      { flags: '--id <id>', description: "the realm's id, in place of the file's" },
      ...SECRET_OPTIONS,
    ],
    description: `The file holds the realm as the API takes it (id, name, order, …; start
from \`ece security realms ${kind} show <id> --json\` of another realm).
${secretsHelp(kind)}`,
    examples: EXAMPLES[kind],
    input(raw) {
      const input = raw as unknown as Input;
      checkSecretInput(kind, input);
      return input;
    },
    async plan(input, ctx) {
      checkCanAsk(ctx, input);
      const { body, variables } = await realmBody(ctx, kind, input);
      if (input.id !== undefined) body.id = input.id;
      if (typeof body.id !== 'string' || body.id === '')
        throw new UsageError('the realm needs an id: an "id" in the file, or --id');
      return {
        writes: [REALM_CALLS[kind].create(body, variables)],
        done: `Created ${LABEL[kind]} realm ${body.id}.`,
      };
    },
  });
