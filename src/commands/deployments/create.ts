// `ece deployments create`: from a JSON or YAML definition (or a template),
// with a request_id so a retry never makes a duplicate, the generated
// credentials shown once, and --wait.

import { type ApiResponse, parseBody } from '../../api/body.js';
import { createRequest, type DeploymentResource } from '../../api/deployments.js';
import { NOTHING_BEFORE } from '../../api/plans.js';
import { ApiError, CliError, InterruptedError, NetworkError, UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb } from '../run/types.js';

export interface CreateInput {
  file?: string;
  name?: string;
  templateId?: string;
  validateOnly?: boolean;
  requestId?: string;
}

interface Created {
  id: string;
  name: string;
  created?: boolean;
  resources?: DeploymentResource[];
}

export const verb = defineVerb<CreateInput>({
  effect: 'write',
  waits: true,
  options: [
    {
      flags: '-f, --file <file>',
      description: 'deployment definition, JSON or YAML (- for stdin)',
    },
    { flags: '--name <name>', description: 'set the deployment name (overrides the file)' },
    {
      flags: '--template-id <id>',
      description: 'deployment template to build on (ece templates list)',
    },
    { flags: '--validate-only', description: 'check the definition without creating anything' },
    {
      flags: '--request-id <id>',
      description:
        'idempotency token, 32 to 128 characters: retrying with the same id never makes a second deployment',
    },
  ],
  description: `The generated credentials (the elastic user's password, APM secret tokens) are
printed once on stdout: ECE does not show them again. A request id is made up
when you give none and printed if the create fails, so you can retry safely.`,
  examples: [
    'ece deployments create -f deployment.json --wait',
    'ece deployments create --template-id default --name staging-search',
    'ece deployments create -f d.yaml --request-id "$(printf %s "ci-$CI_PIPELINE_ID" | sha256sum | cut -c1-40)" --json',
  ],
  input(raw) {
    const flags = raw as CreateInput & { wait?: boolean };
    if (!flags.file && !flags.templateId)
      throw new UsageError('give a definition with -f FILE (or -f - for stdin), or --template-id');
    if (flags.name !== undefined && flags.name.trim() === '')
      throw new UsageError('--name is empty');
    if (flags.validateOnly && flags.wait)
      throw new UsageError('--validate-only creates nothing to wait for');
    if (flags.requestId !== undefined) checkRequestId(flags.requestId);
    return flags;
  },
  async plan(input, ctx) {
    const body = input.file ? await readDocument(ctx.io, input.file) : {};
    if (input.name) body.name = input.name;
    // ECE takes 32 to 128 characters; a generated id is 44.
    const requestId = input.requestId ?? `ece-cli-${globalThis.crypto.randomUUID()}`;
    const validateOnly = input.validateOnly === true;
    // The credentials are shown once: the output format is settled before the create.
    await ctx.renderer();
    const created = (sent: ApiResponse[]) => parseBody<Created>(sent[0] as ApiResponse);
    return {
      writes: [createRequest(body, { requestId, templateId: input.templateId, validateOnly })],
      onError: (err) => withRetryHint(err, requestId, validateOnly),
      output: (sent) => {
        const c = created(sent);
        return {
          body: sent[0] as ApiResponse,
          // Nothing was created under --validate-only: no id or name to show as if it had been.
          print: (renderer) => {
            if (!validateOnly)
              renderer.grid({ headers: ['KEY', 'VALUE'], rows: credentialRows(c) });
          },
        };
      },
      done: (sent) => {
        if (validateOnly) return 'The definition is valid — nothing was created.';
        const c = created(sent);
        if (sent[0]?.status === 202 || c.created === false)
          return `Deployment ${c.name} (${c.id}) was already created with request id ${requestId}; its credentials are not shown again.`;
        const saved = (c.resources ?? []).some((r) => r.credentials || r.secret_token)
          ? '\nSave the credentials above now: ECE will not show them again.'
          : '';
        return `Created deployment ${c.name} (${c.id}).${saved}`;
      },
      wait: {
        deployment: (sent) => created(sent).id,
        targets: (sent) =>
          (created(sent).resources ?? []).map((r) => ({
            kind: r.kind,
            refId: r.ref_id,
            before: NOTHING_BEFORE,
          })),
      },
    };
  },
});

function credentialRows(created: Created) {
  return [
    ['id', created.id],
    ['name', created.name],
    ...(created.resources ?? []).flatMap((r) => [
      ...(r.credentials
        ? [
            [`${r.kind}.${r.ref_id}.username`, r.credentials.username],
            [`${r.kind}.${r.ref_id}.password`, r.credentials.password],
          ]
        : []),
      ...(r.secret_token ? [[`${r.kind}.${r.ref_id}.secret_token`, r.secret_token]] : []),
    ]),
  ];
}

export const REQUEST_ID_MIN = 32;
export const REQUEST_ID_MAX = 128;

function checkRequestId(id: string): void {
  const n = [...id].length;
  if (n < REQUEST_ID_MIN || n > REQUEST_ID_MAX)
    throw new UsageError(
      `invalid --request-id: ECE takes ${REQUEST_ID_MIN} to ${REQUEST_ID_MAX} characters, this one has ${n}`,
    );
}

/** A create that may have reached ECE: say how to retry it without a duplicate. */
function withRetryHint(err: unknown, requestId: string, validateOnly: boolean): unknown {
  if (validateOnly || !(err instanceof CliError)) return err;
  const uncertain =
    err instanceof NetworkError ||
    err instanceof InterruptedError ||
    (err instanceof ApiError && (err.status >= 500 || err.status === 429));
  if (!uncertain) return err;
  err.hints.push(
    `the request id was ${requestId}; run the command again with --request-id ${requestId} to retry without creating a second deployment`,
  );
  return err;
}
