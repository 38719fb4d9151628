// `ece templates create -f template.json`: a new deployment template. POST
// lets ECE pick the id; with --id (or an id in the file) it is a PUT with
// create_only, which ECE refuses when that id is taken. The new id goes to
// stdout (the API's body with --json).

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { createTemplateRequest, setTemplateRequest } from '../../api/templates.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { warnIfUnsupported } from '../platform-version.js';
import { showDryRun } from '../write.js';
import { requestBody, templateRegion, withRegion } from './region.js';

interface CreateFlags {
  file?: string;
  id?: string;
  region?: string;
}

export function register(group: Command, contexts: Contexts): void {
  withRegion(
    group
      .command('create')
      .description('Create a deployment template from a JSON or YAML file')
      .option('-f, --file <file>', 'the template, JSON or YAML (- for stdin)')
      .option('--id <id>', "the id to give it (default: the file's id, else one ECE picks)")
      .addHelpText(
        'after',
        `
The file is a DeploymentTemplateRequestBody: name and deployment_template (a
deployment create request: resources per kind) at least. \`templates show
--json\` gives one to start from; the fields ECE sets itself (id,
instance_configurations, source, system_owned) are left out of the request.
The new id is printed on stdout.

Examples:
  $ ece templates create -f hot-warm.json
  $ ece templates show default --json | jq '.name="Logs"' | ece templates create -f - --id logs`,
      ),
  ).action(act(contexts, (ctx, flags: CreateFlags) => run(flags, ctx)));
}

export async function run(flags: CreateFlags, ctx: Context): Promise<void> {
  if (!flags.file) throw new UsageError('give the template with -f FILE (- for stdin)');
  if (flags.id !== undefined && flags.id.trim() === '') throw new UsageError('--id is empty');
  const doc = await readDocument(ctx.io, flags.file);
  checkTemplate(doc);
  const id = flags.id ?? (typeof doc.id === 'string' && doc.id !== '' ? doc.id : undefined);
  const body = requestBody(doc);
  const api = await ctx.api();
  const region = await templateRegion(api, flags.region);
  const write =
    id === undefined
      ? createTemplateRequest(region, body)
      : setTemplateRequest(id, region, body, { createOnly: true });
  if (showDryRun(ctx, api, write)) return;
  warnIfUnsupported(
    ctx,
    api,
    write.method ?? 'POST',
    id === undefined ? '/deployments/templates' : '/deployments/templates/{template_id}',
  );
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  else ctx.io.stdout.write(`${String(parseBody<{ id?: unknown }>(res).id ?? id)}\n`);
  ctx.io.stderr.write(`Created deployment template ${String(body.name)}.\n`);
}

/** What ECE needs in every template: a name and the deployment it describes. */
export function checkTemplate(doc: Record<string, unknown>): void {
  if (typeof doc.name !== 'string' || doc.name.trim() === '')
    throw new UsageError('the template needs a name');
  const dt = doc.deployment_template;
  if (typeof dt !== 'object' || dt === null || Array.isArray(dt))
    throw new UsageError('the template needs a deployment_template object (resources per kind)');
}
