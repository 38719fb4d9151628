// `ece templates update <id>`: read, modify, write. The template is read
// first (it must exist; its x-cloud-resource-version goes back as ?version=
// so that ECE refuses with 409 when someone changed it in between), then
// replaced by the file, or by the current template with --name and
// --description applied.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { getTemplate } from '../../api/platform.js';
import { setTemplateRequest } from '../../api/templates.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { warnIfUnsupported } from '../platform-version.js';
import { showDryRun } from '../write.js';
import { checkTemplate } from './create.js';
import { requestBody, templateRegion, withRegion } from './region.js';

interface UpdateFlags {
  file?: string;
  name?: string;
  description?: string;
  region?: string;
}

export function register(group: Command, contexts: Contexts): void {
  withRegion(
    group
      .command('update')
      .description('Change a deployment template: replace it with a file, or rename it')
      .argument('<id>', 'template id')
      .option('-f, --file <file>', 'the whole template, JSON or YAML (- for stdin)')
      .option('--name <name>', 'a new name')
      .option('--description <text>', 'a new description')
      .addHelpText(
        'after',
        `
The file replaces the template as a whole: start from \`show --json\`.
--name and --description change just those fields (of the file's template,
or else of the current one). The update carries the version read first, so a
change someone made in between fails with exit 5 instead of being lost.

Examples:
  $ ece templates show logs --json > logs.json   # edit logs.json
  $ ece templates update logs -f logs.json
  $ ece templates update logs --description 'Hot-warm logging, 30 days'`,
      ),
  ).action(act(contexts, (ctx, id: string, flags: UpdateFlags) => run(id, flags, ctx)));
}

export async function run(id: string, flags: UpdateFlags, ctx: Context): Promise<void> {
  if (!flags.file && flags.name === undefined && flags.description === undefined)
    throw new UsageError('give the template with -f FILE, or --name or --description');
  if (flags.name !== undefined && flags.name.trim() === '') throw new UsageError('--name is empty');
  let doc: Record<string, unknown> | undefined;
  if (flags.file) {
    doc = await readDocument(ctx.io, flags.file);
    if (doc.id !== undefined && doc.id !== id)
      throw new UsageError(`the file is template "${String(doc.id)}", not "${id}"`);
    checkTemplate(doc);
  }
  const api = await ctx.api();
  const region = await templateRegion(api, flags.region);
  warnIfUnsupported(ctx, api, 'PUT', '/deployments/templates/{template_id}');
  const current = await getTemplate(api, id, region);
  const body = requestBody(doc ?? parseBody<Record<string, unknown>>(current));
  if (flags.name !== undefined) body.name = flags.name;
  if (flags.description !== undefined) body.description = flags.description;
  const write = setTemplateRequest(id, region, body, {
    version: current.headers['x-cloud-resource-version'],
  });
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(`Updated deployment template ${id}.\n`);
}
