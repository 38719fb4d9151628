// `ece templates update <id>`: read, modify, write. The template is read
// first (it must exist; its x-cloud-resource-version goes back as ?version=
// so that ECE refuses with 409 when someone changed it in between), then
// replaced by the file, or by the current template with --name and
// --description applied.

import { parseBody } from '../../api/body.js';
import { setTemplateRequest } from '../../api/templates.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { warnIfUnsupported } from '../platform-version.js';
import { defineVerb } from '../run/types.js';
import { checkTemplate } from './create.js';
import { REGION_OPTION, readTemplate, requestBody, templateRegion } from './region.js';

interface UpdateInput {
  id: string;
  file?: string;
  name?: string;
  description?: string;
  region?: string;
}

export const verb = defineVerb<UpdateInput>({
  effect: 'write',
  args: [{ name: 'id', description: 'template id or exact name' }],
  options: [
    { flags: '-f, --file <file>', description: 'the whole template, JSON or YAML (- for stdin)' },
    { flags: '--name <name>', description: 'a new name' },
    { flags: '--description <text>', description: 'a new description' },
    REGION_OPTION,
  ],
  description: `The file replaces the template as a whole: start from \`show --json\`.
--name and --description change just those fields (of the file's template,
or else of the current one). The update carries the version read first, so a
change someone made in between fails with exit 5 instead of being lost.`,
  examples: [
    'ece templates show logs --json > logs.json   # edit logs.json',
    'ece templates update logs -f logs.json',
    "ece templates update logs --description 'Hot-warm logging, 30 days'",
  ],
  input(raw) {
    const input = raw as unknown as UpdateInput;
    if (!input.file && input.name === undefined && input.description === undefined)
      throw new UsageError('give the template with -f FILE, or --name or --description');
    if (input.name !== undefined && input.name.trim() === '')
      throw new UsageError('--name is empty');
    return input;
  },
  async plan(input, ctx) {
    let doc: Record<string, unknown> | undefined;
    if (input.file) {
      doc = await readDocument(ctx.io, input.file);
      checkTemplate(doc);
    }
    const api = await ctx.api();
    const region = await templateRegion(api, input.region);
    warnIfUnsupported(ctx, api, 'PUT', '/deployments/templates/{template_id}');
    const { id, res: current } = await readTemplate(api, input.id, region);
    if (doc?.id !== undefined && doc.id !== id)
      throw new UsageError(`the file is template "${String(doc.id)}", not "${id}"`);
    const body = requestBody(doc ?? parseBody<Record<string, unknown>>(current));
    if (input.name !== undefined) body.name = input.name;
    if (input.description !== undefined) body.description = input.description;
    return {
      writes: [
        setTemplateRequest(id, region, body, {
          version: current.headers['x-cloud-resource-version'],
        }),
      ],
      done: `Updated deployment template ${id}.`,
    };
  },
});
