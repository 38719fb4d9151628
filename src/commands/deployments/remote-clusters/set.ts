// `ece deployments remote-clusters set <d> -f file`: replace the remote
// clusters of an Elasticsearch resource with the list in the file
// (RemoteResources), checked locally first (exit 2 naming the JSON path of
// the first problem). ECE's PUT takes no version: the last writer wins.

import type { Command } from 'commander';
import { setRemoteClustersRequest } from '../../../api/remote-clusters.js';
import type { Context } from '../../../context.js';
import { readDocument } from '../../../input.js';
import { RAW } from '../../../output/raw.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';
import { esTarget, REF_ID_HELP } from '../keystore/common.js';
import { checkRemoteResources } from './check.js';

export interface SetFlags {
  file: string;
  refId?: string;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('set')
    .description('Replace the remote clusters of an Elasticsearch resource with a file’s list')
    .argument('<deployment>', 'deployment id or exact name')
    .requiredOption('-f, --file <file>', 'RemoteResources, JSON or YAML (- for stdin)')
    .option('--ref-id <ref_id>', REF_ID_HELP)
    .addHelpText(
      'after',
      `
The file is {"resources": [{"alias", "deployment_id", "elasticsearch_ref_id",
"skip_unavailable"?}, …]}; the list replaces the current one ({"resources": []}
removes them all). Aliases use letters, digits, dashes and underscores.

Examples:
  $ ece deployments remote-clusters set search-hub -f remotes.json
  $ ece deployments remote-clusters show search-hub --json > remotes.json   # edit, then set`,
    )
    .action(act(contexts, (ctx, ref: string, flags: SetFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: SetFlags, ctx: Context): Promise<void> {
  const name = flags.file === '-' ? '<stdin>' : flags.file;
  const body = checkRemoteResources(await readDocument(ctx.io, flags.file), name);
  const renderer = await ctx.renderer();
  const t = await esTarget(ctx, ref, flags.refId);
  const write = setRemoteClustersRequest(t.id, t.refId, body);
  if (showDryRun(ctx, t.api, write)) return;
  const res = await t.api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  const n = body.resources.length;
  ctx.io.stderr.write(
    n === 0
      ? `Removed every remote cluster of ${t.label}.\n`
      : `Set ${n} remote cluster${n === 1 ? '' : 's'} of ${t.label}: ${body.resources.map((r) => r.alias).join(', ')}.\n`,
  );
}
