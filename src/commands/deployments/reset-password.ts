// `ece deployments reset-password`: a new password for the `elastic` user of
// an Elasticsearch resource. The old one stops working, so it asks first.
// The new password is printed once, on stdout only; it is masked everywhere
// else (stderr, --verbose traces).

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { asDeployment, getDeployment, resetPasswordRequest } from '../../api/deployments.js';
import type { Context } from '../../context.js';
import { CliError, ExitCode, ResponseError } from '../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { resolveDeployment } from './resolve.js';

export interface ResetPasswordFlags {
  refId?: string;
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('reset-password')
    .description('Reset the password of the elastic user (asks first: the old one stops working)')
    .argument('<deployment>', 'deployment id or exact name')
    .option('--ref-id <ref_id>', 'the Elasticsearch resource, when there are several')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
The new password is printed once, on stdout, and nowhere else: store it
now, ECE will not show it again. --json prints ECE's answer
({"username":"elastic","password":"…"}).

Examples:
  $ ece deployments reset-password prod-logs --yes > elastic-password.txt
  $ ece deployments reset-password prod-logs --json --yes | jq -r .password`,
    )
    .action(act(contexts, (ctx, ref: string, flags: ResetPasswordFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: ResetPasswordFlags, ctx: Context): Promise<void> {
  const dryRun = ctx.flags.dryRun === true;
  if (!dryRun) requireConfirmable(ctx.io, flags.yes);
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const resolved = await resolveDeployment(api, ref);
  let refId = flags.refId;
  let name = resolved.name ?? resolved.id;
  if (refId === undefined) {
    const d = asDeployment(
      parseBody<unknown>(await getDeployment(api, resolved.id, { plans: false })),
    );
    name = d.name;
    refId = onlyElasticsearch((d.resources.elasticsearch ?? []).map((r) => r.ref_id));
  }
  const req = resetPasswordRequest(resolved.id, refId);
  if (showDryRun(ctx, api, req)) return;
  await confirmOrFail(
    ctx.io,
    `Reset the password of the elastic user of "${name}" (${resolved.id}, ${refId})? The old password stops working.`,
    flags.yes,
  );
  const res = await api.request(req);
  const body = parseBody<{ username?: unknown; password?: unknown }>(res);
  if (typeof body.password !== 'string' || body.password === '')
    throw new ResponseError('unexpected response from ECE: no password in the answer');
  api.addSecret(body.password);
  ctx.reveal(body.password);
  if (renderer.raw) await renderer.body(res, RAW);
  else ctx.io.stdout.write(`${body.password}\n`);
  ctx.io.stderr.write(
    `Reset the password of the ${typeof body.username === 'string' ? body.username : 'elastic'} user of "${name}". Store it now: ECE will not show it again.\n`,
  );
}

function onlyElasticsearch(refIds: string[]): string {
  const [only, ...more] = refIds;
  if (only === undefined)
    throw new CliError('the deployment has no Elasticsearch resource', ExitCode.NOT_FOUND);
  if (more.length > 0) {
    throw new CliError(
      `the deployment has ${refIds.length} Elasticsearch resources; choose one with --ref-id: ${refIds.join(', ')}`,
      ExitCode.USAGE,
    );
  }
  return only;
}
