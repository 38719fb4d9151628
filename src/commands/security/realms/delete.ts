// `ece security realms <type> delete <id>`: destructive — users who sign in
// through the realm can no longer, and its configuration (secrets included)
// cannot be had back. Asks first; the version read guards the delete.

import { REALM_CALLS, type RealmKind } from '../../../api/security.js';
import { defineVerb } from '../../run/types.js';
import { changedHint, LABEL, maskedRealm } from './realm.js';

export const verbFor = (kind: RealmKind) =>
  defineVerb<{ id: string }>({
    effect: 'destructive',
    args: [{ name: 'id', description: 'realm id' }],
    examples: [
      `ece security realms ${kind} delete old-realm`,
      `ece security realms ${kind} delete old-realm --yes`,
    ],
    async plan({ id }, ctx) {
      const { version } = maskedRealm(kind, await REALM_CALLS[kind].get(await ctx.api(), id));
      return {
        writes: [REALM_CALLS[kind].delete(id, version)],
        confirm: `Delete ${LABEL[kind]} realm ${id}? Users who sign in through it no longer can.`,
        hint: changedHint(`${LABEL[kind]} realm ${id}`),
        done: `Deleted ${LABEL[kind]} realm ${id}.`,
      };
    },
  });
