// `ece security realms list`: the realms users sign in through, in the
// order ECE tries them.

import { listRealms } from '../../../api/security.js';
import { type Column, listView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';

interface RealmInfo {
  id: string;
  name: string;
  type: string;
  enabled?: boolean;
  order?: number;
  urls: string[];
}

const columns: Column<RealmInfo>[] = [
  ['ORDER', (r) => r.order],
  ['ID', (r) => r.id],
  ['TYPE', (r) => r.type],
  ['NAME', (r) => r.name],
  ['ENABLED', (r) => r.enabled],
  ['URLS', (r) => r.urls],
];

export const verb = defineVerb({
  effect: 'read',
  description: 'The realms are listed in the order ECE tries them (`realms reorder` changes it).',
  examples: [
    'ece security realms list',
    'ece security realms list --query "realms[?type==\'ldap\'].id"',
  ],
  async plan(_input, ctx) {
    const res = await listRealms(await ctx.api());
    return {
      output: {
        body: res,
        view: listView<RealmInfo>(
          (d) => (d as { realms?: RealmInfo[] }).realms,
          columns,
          'No security realms: users sign in as the platform users only.',
          [1],
        ),
      },
    };
  },
});
