// `ece extensions update <extension>`: changes its metadata. ECE replaces the
// whole of it, so the flags (or -f) are laid over the current values.

import { updateExtension } from '../../api/extensions.js';
import { UsageError } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import { extensionFields, FIELD_OPTIONS, type FieldFlags } from './fields.js';
import { resolveExtension } from './resolve.js';

export const verb = defineVerb<FieldFlags & { extension: string }>({
  effect: 'write',
  args: [{ name: 'extension', description: 'extension id or exact name' }],
  options: FIELD_OPTIONS,
  description: `Fields not given keep their current values. To replace the archive, use
\`ece extensions upload\`.`,
  examples: [
    "ece extensions update synonyms --version '8.*' --description 'synonym sets'",
    'ece extensions update 4226448541 -f extension.json',
  ],
  input(raw) {
    const input = raw as unknown as FieldFlags & { extension: string };
    const given = [
      input.file,
      input.name,
      input.type,
      input.version,
      input.description,
      input.downloadUrl,
    ];
    if (given.every((v) => v === undefined))
      throw new UsageError(
        'nothing to change: give -f or at least one of --name, --type, --version, --description, --download-url',
      );
    return input;
  },
  async plan(input, ctx) {
    const ext = await resolveExtension(await ctx.api(), input.extension);
    const body = await extensionFields(ctx.io, input, ext);
    return {
      writes: [updateExtension(ext.id, body)],
      done: `Updated extension ${body.name} (${ext.id}).`,
    };
  },
});
