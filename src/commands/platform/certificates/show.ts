// `ece platform extra-certs show <id>`: the server certificate of the chain
// (subject, issuer, validity, fingerprint); --json is the body.

import { getExtraCertificate } from '../../../api/platform-config.js';
import { fieldsView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { detailColumns, ID_ARG, type Row } from './columns.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'read',
  args: [ID_ARG],
  examples: [
    'ece platform extra-certs show star_example_com',
    "ece platform extra-certs show star_example_com --json | jq -r '.chain[0]' | openssl x509 -noout -text",
  ],
  async plan({ id }, ctx) {
    const res = await getExtraCertificate(await ctx.api(), id);
    const view = fieldsView<Row>(detailColumns.map(([h, f]) => [h, (c: Row) => f({ ...c, id })]));
    return { output: { body: res, view } };
  },
});
