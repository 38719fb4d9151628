// `ece platform trust list`: ID NAME LOCAL TRUST_ALL ACCOUNTS INSTALLATION;
// --json is the body (with --certificates, the CA certificates too).

import { listTrustRelationships } from '../../../api/platform-config.js';
import { listView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { CERTIFICATES_OPTION, columns, type Trust } from './columns.js';

export const verb = defineVerb<{ certificates?: boolean }>({
  effect: 'read',
  options: [CERTIFICATES_OPTION],
  examples: ['ece platform trust list', 'ece platform trust list --certificates --json'],
  async plan(input, ctx) {
    const res = await listTrustRelationships(await ctx.api(), {
      certificates: input.certificates === true,
    });
    return {
      output: {
        body: res,
        view: listView<Trust>(
          (d) => (d as { trust_relationships?: Trust[] }).trust_relationships,
          columns,
          'No trust relationships.',
        ),
      },
    };
  },
});
