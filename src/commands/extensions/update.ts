// `ece extensions update <extension>`: changes its metadata. ECE replaces the
// whole of it, so the flags (or -f) are laid over the current values.

import type { Command } from 'commander';
import { updateExtension } from '../../api/extensions.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { addFieldOptions, extensionFields, type FieldFlags } from './fields.js';
import { resolveExtension } from './resolve.js';

export function register(group: Command, contexts: Contexts): void {
  addFieldOptions(
    group
      .command('update')
      .description("Change an extension's name, type, version, description or download URL")
      .argument('<extension>', 'extension id or exact name'),
  )
    .addHelpText(
      'after',
      `
Fields not given keep their current values. To replace the archive, use
\`ece extensions upload\`.

Examples:
  $ ece extensions update synonyms --version '8.*' --description 'synonym sets'
  $ ece extensions update 4226448541 -f extension.json`,
    )
    .action(act(contexts, (ctx, ref: string, flags: FieldFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: FieldFlags, ctx: Context): Promise<void> {
  const given = [
    flags.file,
    flags.name,
    flags.type,
    flags.version,
    flags.description,
    flags.downloadUrl,
  ];
  if (given.every((v) => v === undefined))
    throw new UsageError(
      'nothing to change: give -f or at least one of --name, --type, --version, --description, --download-url',
    );
  const api = await ctx.api();
  const ext = await resolveExtension(api, ref);
  const body = await extensionFields(ctx.io, flags, ext);
  const write = updateExtension(ext.id, body);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(`Updated extension ${body.name} (${ext.id}).\n`);
}
