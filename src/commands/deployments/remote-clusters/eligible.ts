// `ece deployments remote-clusters eligible`: the deployments whose
// Elasticsearch this resource may add as remote clusters (ECE checks the
// versions), optionally narrowed by a search request (-f, the shape of
// `deployments search -f`). A search: it changes nothing.

import { eligibleRemoteClusters } from '../../../api/resources.js';
import { readDocument } from '../../../input.js';
import { listView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { esTarget, REF_ID_HELP } from '../keystore/common.js';

interface Hit {
  id?: string;
  name?: string;
  resources?: { elasticsearch?: { ref_id?: string; info?: { status?: string } }[] };
}

export const verb = defineVerb<{ deployment: string; refId?: string; file?: string }>({
  effect: 'read',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    { flags: '--ref-id <ref_id>', description: REF_ID_HELP },
    {
      flags: '-f, --file <file>',
      description: 'a search request (JSON or YAML, - for stdin) to narrow the list',
    },
  ],
  description: `A table of ID, NAME and the Elasticsearch REF_ID of each eligible
deployment; --json prints ECE's answer (a deployments search response).`,
  examples: [
    'ece deployments remote-clusters eligible search-hub',
    'ece deployments remote-clusters eligible search-hub --json | jq -r ".deployments[].id"',
  ],
  async plan(input, ctx) {
    const body = input.file === undefined ? undefined : await readDocument(ctx.io, input.file);
    const t = await esTarget(ctx, input.deployment, input.refId);
    const res = await eligibleRemoteClusters(t.api, t.id, t.refId, body);
    const view = listView<Hit>(
      (data) => (data as { deployments?: Hit[] } | null)?.deployments,
      [
        ['ID', (d) => d.id],
        ['NAME', (d) => d.name],
        ['REF_ID', (d) => d.resources?.elasticsearch?.map((r) => r.ref_id)],
      ],
      `No deployment is eligible as a remote cluster of ${t.label}.`,
    );
    return { output: { body: res, view } };
  },
});
