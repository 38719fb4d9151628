// `ece deployments create`: from a JSON or YAML definition (or a template),
// with a request_id so a retry never makes a duplicate, the generated
// credentials shown once, and --wait.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { createRequest, type DeploymentResource } from '../../api/deployments.js';
import { NOTHING_BEFORE } from '../../api/plans.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, InterruptedError, NetworkError, UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { addWaitOptions, follow, type WaitFlags, waitTimeoutMs } from './wait.js';

export interface CreateFlags extends WaitFlags {
  file?: string;
  name?: string;
  templateId?: string;
  validateOnly?: boolean;
  requestId?: string;
}

export function register(group: Command, contexts: Contexts): void {
  const cmd = group
    .command('create')
    .description('Create a deployment from a definition file or a template')
    .option('-f, --file <file>', 'deployment definition, JSON or YAML (- for stdin)')
    .option('--name <name>', 'set the deployment name (overrides the file)')
    .option('--template-id <id>', 'deployment template to build on (ece templates list)')
    .option('--validate-only', 'check the definition without creating anything')
    .option(
      '--request-id <id>',
      'idempotency token, 32 to 128 characters: retrying with the same id never makes a second deployment',
    );
  addWaitOptions(cmd)
    .addHelpText(
      'after',
      `
The generated credentials (the elastic user's password, APM secret tokens) are
printed once on stdout: ECE does not show them again. A request id is made up
when you give none and printed if the create fails, so you can retry safely.

Examples:
  $ ece deployments create -f deployment.json --wait
  $ ece deployments create --template-id default --name staging-search
  $ ece deployments create -f d.yaml --request-id "$(printf %s "ci-$CI_PIPELINE_ID" | sha256sum | cut -c1-40)" --json`,
    )
    .action(act(contexts, (ctx, flags: CreateFlags) => run(flags, ctx)));
}

export async function run(flags: CreateFlags, ctx: Context): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  if (!flags.file && !flags.templateId)
    throw new UsageError('give a definition with -f FILE (or -f - for stdin), or --template-id');
  if (flags.name !== undefined && flags.name.trim() === '') throw new UsageError('--name is empty');
  if (flags.validateOnly && flags.wait)
    throw new UsageError('--validate-only creates nothing to wait for');
  if (flags.requestId !== undefined) checkRequestId(flags.requestId);
  const body = flags.file ? await readDocument(ctx.io, flags.file) : {};
  if (flags.name) body.name = flags.name;
  // ECE takes 32 to 128 characters; a generated id is 44.
  const requestId = flags.requestId ?? `ece-cli-${globalThis.crypto.randomUUID()}`;
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const write = createRequest(body, {
    requestId,
    templateId: flags.templateId,
    validateOnly: flags.validateOnly,
  });
  if (showDryRun(ctx, api, write)) return;
  let res: Awaited<ReturnType<typeof api.request>>;
  try {
    res = await api.request(write);
  } catch (err) {
    throw withRetryHint(err, requestId, flags.validateOnly === true);
  }
  const created = parseBody<{
    id: string;
    name: string;
    created?: boolean;
    resources?: DeploymentResource[];
  }>(res);
  const resources = created.resources ?? [];
  if (flags.validateOnly) {
    // Nothing was created: no id or name to show as if it had been.
    if (renderer.raw) await renderer.body(res, RAW);
    ctx.io.stderr.write('The definition is valid — nothing was created.\n');
    return;
  }
  if (renderer.raw) {
    await renderer.body(res, RAW);
  } else {
    const rows = [
      ['id', created.id],
      ['name', created.name],
      ...resources.flatMap((r) => [
        ...(r.credentials
          ? [
              [`${r.kind}.${r.ref_id}.username`, r.credentials.username],
              [`${r.kind}.${r.ref_id}.password`, r.credentials.password],
            ]
          : []),
        ...(r.secret_token ? [[`${r.kind}.${r.ref_id}.secret_token`, r.secret_token]] : []),
      ]),
    ];
    renderer.grid({ headers: ['KEY', 'VALUE'], rows });
  }
  const { stderr } = ctx.io;
  if (res.status === 202 || created.created === false) {
    stderr.write(
      `Deployment ${created.name} (${created.id}) was already created with request id ${requestId}; its credentials are not shown again.\n`,
    );
  } else {
    stderr.write(`Created deployment ${created.name} (${created.id}).\n`);
    if (resources.some((r) => r.credentials || r.secret_token)) {
      stderr.write('Save the credentials above now: ECE will not show them again.\n');
    }
  }
  if (flags.wait) {
    const targets = resources.map((r) => ({
      kind: r.kind,
      refId: r.ref_id,
      before: NOTHING_BEFORE,
    }));
    await follow(ctx, api, created.id, targets, timeoutMs);
  }
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
