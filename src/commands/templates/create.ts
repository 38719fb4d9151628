// `ece templates create -f template.json`: a new deployment template. POST
// lets ECE pick the id; with --id (or an id in the file) it is a PUT with
// create_only, which ECE refuses when that id is taken. The new id goes to
// stdout (the API's body with --json).

import { parseBody } from '../../api/body.js';
import { createTemplateRequest, setTemplateRequest } from '../../api/templates.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { warnIfUnsupported } from '../platform-version.js';
import { defineVerb } from '../run/types.js';
import { REGION_OPTION, requestBody, templateRegion } from './region.js';

export const verb = defineVerb<{ file?: string; id?: string; region?: string }>({
  effect: 'write',
  options: [
    { flags: '-f, --file <file>', description: 'the template, JSON or YAML (- for stdin)' },
    {
      flags: '--id <id>',
      description: "the id to give it (default: the file's id, else one ECE picks)",
    },
    REGION_OPTION,
  ],
  description: `The file is a DeploymentTemplateRequestBody: name and deployment_template (a
deployment create request: resources per kind) at least. \`templates show
--json\` gives one to start from; the fields ECE sets itself (id,
instance_configurations, source, system_owned) are left out of the request.
The new id is printed on stdout.`,
  examples: [
    'ece templates create -f hot-warm.json',
    `ece templates show default --json | jq '.name="Logs"' | ece templates create -f - --id logs`,
  ],
  input(raw) {
    if (typeof raw.file !== 'string' || raw.file === '')
      throw new UsageError('give the template with -f FILE (- for stdin)');
    if (typeof raw.id === 'string' && raw.id.trim() === '') throw new UsageError('--id is empty');
    return raw as { file: string; id?: string; region?: string };
  },
  async plan(input, ctx) {
    const doc = await readDocument(ctx.io, input.file as string);
    checkTemplate(doc);
    const id = input.id ?? (typeof doc.id === 'string' && doc.id !== '' ? doc.id : undefined);
    const body = requestBody(doc);
    const api = await ctx.api();
    const region = await templateRegion(api, input.region);
    const write =
      id === undefined
        ? createTemplateRequest(region, body)
        : setTemplateRequest(id, region, body, { createOnly: true });
    if (!ctx.flags.dryRun)
      warnIfUnsupported(
        ctx,
        api,
        write.method ?? 'POST',
        id === undefined ? '/deployments/templates' : '/deployments/templates/{template_id}',
      );
    return {
      writes: [write],
      output: (sent) => ({
        body: sent[0] ?? '',
        print: (_renderer, io) => {
          const res = sent[0];
          io.stdout.write(`${String((res && parseBody<{ id?: unknown }>(res).id) ?? id)}\n`);
        },
      }),
      done: `Created deployment template ${String(body.name)}.`,
    };
  },
});

/** What ECE needs in every template: a name and the deployment it describes. */
export function checkTemplate(doc: Record<string, unknown>): void {
  if (typeof doc.name !== 'string' || doc.name.trim() === '')
    throw new UsageError('the template needs a name');
  const dt = doc.deployment_template;
  if (typeof dt !== 'object' || dt === null || Array.isArray(dt))
    throw new UsageError('the template needs a deployment_template object (resources per kind)');
}
