// `ece deployments remote-clusters show`: the remote clusters of an
// Elasticsearch resource (certificate-based cross-cluster search and
// replication), with ECE's view of each connection.

import type { Command } from 'commander';
import { getRemoteClusters, type RemoteCluster } from '../../../api/remote-clusters.js';
import type { Context } from '../../../context.js';
import { RAW } from '../../../output/raw.js';
import { listView } from '../../../output/views.js';
import { act, type Contexts } from '../../action.js';
import { esTarget, REF_ID_HELP } from '../keystore/common.js';

export interface ShowFlags {
  refId?: string;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .alias('list')
    .description('Show the remote clusters of an Elasticsearch resource')
    .argument('<deployment>', 'deployment id or exact name')
    .option('--ref-id <ref_id>', REF_ID_HELP)
    .addHelpText(
      'after',
      `
On a terminal: a table of ALIAS, DEPLOYMENT, REF_ID, SKIP_UNAVAILABLE and
ECE's HEALTHY and CONNECTED. Piped: tab-separated rows. --json prints ECE's
answer, which \`remote-clusters set -f\` takes back (its read-only "info" is
left out of the request).

Examples:
  $ ece deployments remote-clusters show search-hub
  $ ece deployments remote-clusters show search-hub --json > remotes.json`,
    )
    .action(act(contexts, (ctx, ref: string, flags: ShowFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: ShowFlags, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const t = await esTarget(ctx, ref, flags.refId);
  const res = await getRemoteClusters(t.api, t.id, t.refId);
  if (renderer.raw) {
    await renderer.body(res, RAW);
    return;
  }
  await renderer.body(
    res,
    listView<RemoteCluster>(
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
    ),
  );
}
