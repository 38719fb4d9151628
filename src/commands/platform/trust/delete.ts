// `ece platform trust delete <id>`: destructive — deployments stop trusting
// that environment at once (cross-cluster search and replication with it
// break), and its CA certificate is gone from ECE. Reads the relationship
// first for the question (its name), then asks.

import { parseBody } from '../../../api/body.js';
import {
  deleteTrustRelationshipRequest,
  getTrustRelationship,
} from '../../../api/platform-config.js';
import { defineVerb } from '../../run/types.js';
import type { Trust } from './columns.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'destructive',
  args: [{ name: 'id', description: 'the trust relationship id' }],
  description: 'To keep a copy first: ece platform trust show ID --json > trust.json',
  examples: ['ece platform trust delete 9a4e2f1c', 'ece platform trust delete 9a4e2f1c --yes'],
  async plan({ id }, ctx) {
    const t = parseBody<Trust>(await getTrustRelationship(await ctx.api(), id));
    const label = `"${t.name}" (${id})`;
    return {
      writes: [deleteTrustRelationshipRequest(id)],
      confirm: `Delete trust relationship ${label}? Deployments stop trusting that environment: cross-cluster search and replication with it stop.`,
      done: `Deleted trust relationship ${label}.`,
    };
  },
});
