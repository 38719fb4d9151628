// `ece deployments remote-clusters show`: the remote clusters of an
// Elasticsearch resource (certificate-based cross-cluster search and
// replication), with ECE's view of each connection.

import { getRemoteClusters, type RemoteCluster } from '../../../api/remote-clusters.js';
import { listView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { esTarget, REF_ID_HELP } from '../keystore/common.js';

export const verb = defineVerb<{ deployment: string; refId?: string }>({
  effect: 'read',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [{ flags: '--ref-id <ref_id>', description: REF_ID_HELP }],
  description: `On a terminal: a table of ALIAS, DEPLOYMENT, REF_ID, SKIP_UNAVAILABLE and
ECE's HEALTHY and CONNECTED. Piped: tab-separated rows. --json prints ECE's
answer, which \`remote-clusters set -f\` takes back (its read-only "info" is
left out of the request).`,
  examples: [
    'ece deployments remote-clusters show search-hub',
    'ece deployments remote-clusters show search-hub --json > remotes.json',
  ],
  async plan(input, ctx) {
    const t = await esTarget(ctx, input.deployment, input.refId);
    const res = await getRemoteClusters(t.api, t.id, t.refId);
    const view = listView<RemoteCluster>(
      (data) => (data as { resources?: RemoteCluster[] } | null)?.resources,
      [
        ['ALIAS', (r) => r.alias],
        ['DEPLOYMENT', (r) => r.deployment_id],
        ['REF_ID', (r) => r.elasticsearch_ref_id],
        ['SKIP_UNAVAILABLE', (r) => r.skip_unavailable === true],
        ['HEALTHY', (r) => r.info?.healthy],
        ['CONNECTED', (r) => r.info?.connected],
      ],
      `${t.label} has no remote clusters.`,
    );
    return { output: { body: res, view } };
  },
});
