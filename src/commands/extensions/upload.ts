// `ece extensions upload <extension> <zip>`: sends the archive of an existing
// extension (PUT, multipart/form-data), streamed from disk, with progress on a
// terminal. The file is checked before anything is sent (exit 2); once bytes
// left it is never sent again.

import { uploadExtension } from '../../api/extensions.js';
import { defineVerb } from '../run/types.js';
import {
  describeSize,
  openUpload,
  sendUpload,
  type UploadFlags,
  uploadTimeoutMs,
} from '../upload.js';
import { resolveExtension } from './resolve.js';

export const verb = defineVerb<UploadFlags & { extension: string; zip: string }>({
  effect: 'write',
  args: [
    { name: 'extension', description: 'extension id or exact name' },
    { name: 'zip', description: 'the archive (a plugin or bundle zip)' },
  ],
  options: [{ flags: '-q, --quiet', description: 'no progress' }],
  description: `The archive replaces the one the extension had. Progress shows on a terminal
(not with --json or --quiet). The request's deadline is --timeout plus the
time the file needs at 256 KiB/s.`,
  examples: [
    'ece extensions upload synonyms synonyms.zip',
    'ece extensions upload 4226448541 analysis-icu-8.15.1.zip --json',
  ],
  async plan(input, ctx) {
    const file = await openUpload(input.zip);
    const api = await ctx.api();
    const ext = await resolveExtension(api, input.extension);
    const write = uploadExtension(ext.id, file, uploadTimeoutMs(ctx, file));
    await ctx.renderer();
    return {
      writes: [write],
      // Streamed from disk, with progress on a terminal.
      send: async (client) => [await sendUpload(ctx, client, write, file, input)],
      done: `Uploaded ${file.filename} (${describeSize(file)}) to ${ext.name} (${ext.id}).`,
    };
  },
});
