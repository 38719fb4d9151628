// `ece platform extra-certs list`: ID SUBJECT NOT_AFTER CERTIFICATES, one
// row per id; --json is the body ({"certs": {id: {"chain": […]}}}).

import { listExtraCertificates } from '../../../api/platform-config.js';
import { listView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { type Chain, columns, type Row } from './columns.js';

export const verb = defineVerb({
  effect: 'read',
  examples: [
    'ece platform extra-certs list',
    "ece platform extra-certs list --json | jq '.certs | keys'",
  ],
  async plan(_input, ctx) {
    const res = await listExtraCertificates(await ctx.api());
    const rows = (d: unknown): Row[] | undefined => {
      const certs = (d as { certs?: Record<string, Chain> }).certs;
      return certs && Object.entries(certs).map(([id, c]) => ({ id, ...c }));
    };
    return { output: { body: res, view: listView<Row>(rows, columns, 'No extra certificates.') } };
  },
});
