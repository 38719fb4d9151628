// `ece platform trust show <id>`: one relationship, with its CA's subject
// (the certificate is always read for it); --json is the body.

import { getTrustRelationship } from '../../../api/platform-config.js';
import { fieldsView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { detailColumns } from './columns.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'read',
  args: [{ name: 'id', description: 'the trust relationship id' }],
  examples: [
    'ece platform trust show 9a4e2f1c',
    'ece platform trust show 9a4e2f1c --json | jq -r .public_ca_cert',
  ],
  async plan({ id }, ctx) {
    const res = await getTrustRelationship(await ctx.api(), id, { certificates: true });
    return { output: { body: res, view: fieldsView(detailColumns) } };
  },
});
