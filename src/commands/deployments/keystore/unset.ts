// `ece deployments keystore unset <d> <setting…>`: remove settings from the
// Elasticsearch keystore. It reads the keystore first, so a setting that is
// not there is exit 3 (nothing sent); it asks first (a value cannot be read
// back), --yes skips that; --dry-run shows the PATCH.

import type { Command } from 'commander';
import { parseBody } from '../../../api/body.js';
import { getKeystore, unsetSecretsRequest } from '../../../api/keystore.js';
import type { Context } from '../../../context.js';
import { CliError, ExitCode } from '../../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../../output/prompt.js';
import { RAW } from '../../../output/raw.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';
import { checkSetting, entries, esTarget, REF_ID_HELP } from './common.js';

export interface UnsetFlags {
  refId?: string;
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('unset')
    .alias('remove')
    .description('Remove settings from the Elasticsearch keystore (asks first)')
    .argument('<deployment>', 'deployment id or exact name')
    .argument('<setting...>', 'setting names')
    .option('--ref-id <ref_id>', REF_ID_HELP)
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
A setting the keystore does not have is an error (exit 3) and nothing is
removed.

Examples:
  $ ece deployments keystore unset prod-logs s3.client.default.access_key s3.client.default.secret_key --yes`,
    )
    .action(
      act(contexts, (ctx, ref: string, settings: string[], flags: UnsetFlags) =>
        run(ref, settings, flags, ctx),
      ),
    );
}

export async function run(
  ref: string,
  settings: string[],
  flags: UnsetFlags,
  ctx: Context,
): Promise<void> {
  const wanted = [...new Set(settings.map(checkSetting))];
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const renderer = await ctx.renderer();
  const t = await esTarget(ctx, ref, flags.refId);
  const have = new Set(
    entries(parseBody<unknown>(await getKeystore(t.api, t.id, t.refId))).map((e) => e.setting),
  );
  const missing = wanted.filter((s) => !have.has(s));
  if (missing.length > 0) {
    throw new CliError(
      `the keystore of ${t.label} has no ${missing.length === 1 ? 'setting' : 'settings'} ${missing.join(', ')}; nothing was removed`,
      ExitCode.NOT_FOUND,
    );
  }
  const write = unsetSecretsRequest(t.id, t.refId, wanted);
  if (showDryRun(ctx, t.api, write)) return;
  await confirmOrFail(
    ctx.io,
    `Remove ${wanted.join(', ')} from the keystore of ${t.label}? ${wanted.length === 1 ? 'Its value' : 'Their values'} cannot be read back.`,
    flags.yes,
  );
  const res = await t.api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(`Removed ${wanted.join(', ')} from the keystore of ${t.label}.\n`);
}
