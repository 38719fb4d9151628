// How help and messages name each realm type (a file of its own so that the
// group index can name them without loading the verbs).

import type { RealmKind } from '../../../api/security.js';

export const LABEL: Record<RealmKind, string> = {
  ldap: 'LDAP',
  saml: 'SAML',
  'active-directory': 'Active Directory',
};
