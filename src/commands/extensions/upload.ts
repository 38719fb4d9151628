// `ece extensions upload <extension> <zip>`: sends the archive of an existing
// extension (PUT, multipart/form-data), streamed from disk, with progress on a
// terminal. The file is checked before anything is sent (exit 2); once bytes
// left it is never sent again.

import type { Command } from 'commander';
import { uploadExtension } from '../../api/extensions.js';
import type { Context } from '../../context.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import {
  describeSize,
  openUpload,
  sendUpload,
  type UploadFlags,
  uploadTimeoutMs,
} from '../upload.js';
import { showDryRun } from '../write.js';
import { resolveExtension } from './resolve.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('upload')
    .description("Upload an extension's zip archive")
    .argument('<extension>', 'extension id or exact name')
    .argument('<zip>', 'the archive (a plugin or bundle zip)')
    .option('-q, --quiet', 'no progress')
    .addHelpText(
      'after',
      `
The archive replaces the one the extension had. Progress shows on a terminal
(not with --json or --quiet). The request's deadline is --timeout plus the
time the file needs at 256 KiB/s.

Examples:
  $ ece extensions upload synonyms synonyms.zip
  $ ece extensions upload 4226448541 analysis-icu-8.15.1.zip --json`,
    )
    .action(
      act(contexts, (ctx, ref: string, zip: string, flags: UploadFlags) =>
        run(ref, zip, flags, ctx),
      ),
    );
}

export async function run(
  ref: string,
  zip: string,
  flags: UploadFlags,
  ctx: Context,
): Promise<void> {
  const file = await openUpload(zip);
  const api = await ctx.api();
  const ext = await resolveExtension(api, ref);
  const write = uploadExtension(ext.id, file, uploadTimeoutMs(ctx, file));
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await sendUpload(ctx, api, write, file, flags);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(
    `Uploaded ${file.filename} (${describeSize(file)}) to ${ext.name} (${ext.id}).\n`,
  );
}
