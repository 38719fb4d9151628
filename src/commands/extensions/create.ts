// `ece extensions create`: registers an extension's metadata (POST); with
// --upload also sends its archive (PUT) in the same run. The new id goes to
// stdout (the API's body with --json), so scripts can keep it.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { createExtension, uploadExtension } from '../../api/extensions.js';
import type { FileBody } from '../../api/multipart.js';
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
import { addFieldOptions, extensionFields, type FieldFlags } from './fields.js';

interface CreateFlags extends FieldFlags, UploadFlags {
  upload?: string;
}

export function register(group: Command, contexts: Contexts): void {
  addFieldOptions(
    group.command('create').description('Register an extension; --upload also sends its zip'),
  )
    .option('--upload <zip>', 'the archive to upload once the extension exists')
    .option('-q, --quiet', 'no upload progress')
    .addHelpText(
      'after',
      `
Give the metadata with flags or -f (flags win over the file). The new id is
printed on stdout. Without --upload or --download-url the extension has no
archive yet: send it with \`ece extensions upload\`.

Examples:
  $ ece extensions create --name synonyms --type bundle --version '8.*' --upload synonyms.zip
  $ ece extensions create --name analysis-icu --type plugin --version 8.15.1 --download-url https://example.com/analysis-icu.zip
  $ ece extensions create -f extension.json`,
    )
    .action(act(contexts, (ctx, flags: CreateFlags) => run(flags, ctx)));
}

export async function run(flags: CreateFlags, ctx: Context): Promise<void> {
  const body = await extensionFields(ctx.io, flags);
  const file: FileBody | undefined = flags.upload ? await openUpload(flags.upload) : undefined;
  const api = await ctx.api();
  const write = createExtension(body);
  if (file) {
    // The id is ECE's answer to the create: the dry run names it EXTENSION_ID.
    const upload = uploadExtension('EXTENSION_ID', file, uploadTimeoutMs(ctx, file));
    if (showDryRun(ctx, api, write, upload)) {
      ctx.io.stderr.write('dry run: EXTENSION_ID stands for the id the create answers with\n');
      return;
    }
  } else if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  let res = await api.request(write);
  const id = String(parseBody<{ id?: unknown }>(res).id);
  ctx.io.stderr.write(`Created ${body.extension_type} ${body.name} (${id}).\n`);
  if (file) {
    res = await sendUpload(
      ctx,
      api,
      uploadExtension(id, file, uploadTimeoutMs(ctx, file)),
      file,
      flags,
    );
    ctx.io.stderr.write(`Uploaded ${file.filename} (${describeSize(file)}).\n`);
  }
  if (renderer.raw) await renderer.body(res, RAW);
  else ctx.io.stdout.write(`${id}\n`);
}
