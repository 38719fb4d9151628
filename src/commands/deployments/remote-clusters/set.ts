// `ece deployments remote-clusters set <d> -f file`: replace the remote
// clusters of an Elasticsearch resource with the list in the file
// (RemoteResources), checked locally first (exit 2 naming the JSON path of
// the first problem). ECE's PUT takes no version: the last writer wins.

import { setRemoteClustersRequest } from '../../../api/remote-clusters.js';
import { readDocument } from '../../../input.js';
import { defineVerb } from '../../run/types.js';
import { esTarget, REF_ID_HELP } from '../keystore/common.js';
import { checkRemoteResources } from './check.js';

export const verb = defineVerb<{ deployment: string; file: string; refId?: string }>({
  effect: 'write',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    {
      flags: '-f, --file <file>',
      description: 'RemoteResources, JSON or YAML (- for stdin)',
      required: true,
    },
    { flags: '--ref-id <ref_id>', description: REF_ID_HELP },
  ],
  description: `The file is {"resources": [{"alias", "deployment_id", "elasticsearch_ref_id",
"skip_unavailable"?}, …]}; the list replaces the current one ({"resources": []}
removes them all). Aliases use letters, digits, dashes and underscores.`,
  examples: [
    'ece deployments remote-clusters set search-hub -f remotes.json',
    'ece deployments remote-clusters show search-hub --json > remotes.json   # edit, then set',
  ],
  async plan(input, ctx) {
    const name = input.file === '-' ? '<stdin>' : input.file;
    const body = checkRemoteResources(await readDocument(ctx.io, input.file), name);
    const t = await esTarget(ctx, input.deployment, input.refId);
    const n = body.resources.length;
    return {
      writes: [setRemoteClustersRequest(t.id, t.refId, body)],
      done:
        n === 0
          ? `Removed every remote cluster of ${t.label}.`
          : `Set ${n} remote cluster${n === 1 ? '' : 's'} of ${t.label}: ${body.resources.map((r) => r.alias).join(', ')}.`,
    };
  },
});
