// `ece extensions create`: registers an extension's metadata (POST); with
// --upload also sends its archive (PUT) in the same run. The new id goes to
// stdout (the API's body with --json), so scripts can keep it.

import { type ApiResponse, parseBody } from '../../api/body.js';
import { createExtension, uploadExtension } from '../../api/extensions.js';
import { defineVerb, type Plan } from '../run/types.js';
import { describeSize, openUpload, sendUpload, uploadTimeoutMs } from '../upload.js';
import { extensionFields, FIELD_OPTIONS, type FieldFlags } from './fields.js';

interface CreateInput extends FieldFlags {
  upload?: string;
  quiet?: boolean;
}

export const verb = defineVerb<CreateInput>({
  effect: 'write',
  options: [
    ...FIELD_OPTIONS,
    { flags: '--upload <zip>', description: 'the archive to upload once the extension exists' },
    { flags: '-q, --quiet', description: 'no upload progress' },
  ],
  description: `Give the metadata with flags or -f (flags win over the file). The new id is
printed on stdout. Without --upload or --download-url the extension has no
archive yet: send it with \`ece extensions upload\`.`,
  examples: [
    "ece extensions create --name synonyms --type bundle --version '8.*' --upload synonyms.zip",
    'ece extensions create --name analysis-icu --type plugin --version 8.15.1 --download-url https://example.com/analysis-icu.zip',
    'ece extensions create -f extension.json',
  ],
  async plan(input, ctx) {
    const body = await extensionFields(ctx.io, input);
    const file = input.upload ? await openUpload(input.upload) : undefined;
    const create = createExtension(body);
    let id = '';
    const plan: Plan = {
      writes: [create],
      send: async (api) => {
        const created = await api.request(create);
        id = String(parseBody<{ id?: unknown }>(created).id);
        ctx.io.stderr.write(`Created ${body.extension_type} ${body.name} (${id}).\n`);
        if (!file) return [created];
        // The upload goes to the id the create answered with.
        const res = await sendUpload(
          ctx,
          api,
          uploadExtension(id, file, uploadTimeoutMs(ctx, file)),
          file,
          input,
        );
        ctx.io.stderr.write(`Uploaded ${file.filename} (${describeSize(file)}).\n`);
        return [res];
      },
      // --json: ECE's last answer; otherwise the new id, for scripts to keep.
      output: (sent) => ({
        body: sent.at(-1) as ApiResponse,
        print: (_renderer, io) => {
          io.stdout.write(`${id}\n`);
        },
      }),
    };
    if (!file) return plan;
    return {
      ...plan,
      // The id is ECE's answer to the create: the dry run names it EXTENSION_ID.
      writes: [create, uploadExtension('EXTENSION_ID', file, uploadTimeoutMs(ctx, file))],
      dryRunNote: 'dry run: EXTENSION_ID stands for the id the create answers with',
    };
  },
});
