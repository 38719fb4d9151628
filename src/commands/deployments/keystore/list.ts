// `ece deployments keystore list`: the names of the settings in the
// Elasticsearch keystore and whether each is a file or a string. Values are
// never shown: ECE does not return them.

import type { Command } from 'commander';
import { getKeystore } from '../../../api/keystore.js';
import type { Context } from '../../../context.js';
import { RAW } from '../../../output/raw.js';
import type { View } from '../../../output/views.js';
import { act, type Contexts } from '../../action.js';
import { entries, esTarget, REF_ID_HELP } from './common.js';

export interface ListFlags {
  refId?: string;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List the settings in the Elasticsearch keystore (names and types, never values)')
    .argument('<deployment>', 'deployment id or exact name')
    .option('--ref-id <ref_id>', REF_ID_HELP)
    .addHelpText(
      'after',
      `
On a terminal: a table of SETTING and TYPE (string or file). Piped: one
tab-separated row per setting. --json prints ECE's answer, whose values are
always redacted.

Examples:
  $ ece deployments keystore list prod-logs
  $ ece deployments keystore list prod-logs --json | jq -r '.secrets | keys[]'`,
    )
    .action(act(contexts, (ctx, ref: string, flags: ListFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: ListFlags, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const t = await esTarget(ctx, ref, flags.refId);
  const res = await getKeystore(t.api, t.id, t.refId);
  if (renderer.raw) {
    await renderer.body(res, RAW);
    return;
  }
  await renderer.body(res, keystoreView(`The keystore of ${t.label} is empty.`));
}

function keystoreView(emptyNote: string): View {
  return {
    emptyNote,
    isEmpty: (data) => entries(data).length === 0,
    grid: (data) => ({
      headers: ['SETTING', 'TYPE'],
      rows: entries(data).map((e) => [e.setting, e.asFile ? 'file' : 'string']),
    }),
  };
}
