// `ece deployments instances move`: move Elasticsearch instances to other
// allocators (the API's move exists for Elasticsearch only and takes explicit
// instance names). --to names the preferred allocators, sent in the body as
// plan_configuration.preferred_allocators; each is checked to exist first.
// ECE runs a plan for the move: --wait follows it (exit 7/8/130).

import type { Command } from 'commander';
import { moveRequest } from '../../../api/instances.js';
import { NOTHING_BEFORE, snapshot } from '../../../api/plans.js';
import { getAllocator } from '../../../api/platform.js';
import type { Context } from '../../../context.js';
import { ApiError, CliError, ExitCode, UsageError } from '../../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../../output/prompt.js';
import { sanitize } from '../../../output/sanitize.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';
import { resolveDeployment } from '../resolve.js';
import { addWaitOptions, follow, type WaitFlags, waitTimeoutMs } from '../wait.js';
import { checkInstances, pickResource, readInstances } from './common.js';

export interface MoveFlags extends WaitFlags {
  refId?: string;
  to?: string[];
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  const cmd = group
    .command('move')
    .description('Move Elasticsearch instances to other allocators (asks first)')
    .argument('<deployment>', 'deployment id or exact name')
    .argument('<instances...>', 'Elasticsearch instance names, as `instances list` shows them')
    .option(
      '--ref-id <ref-id>',
      'which Elasticsearch resource (needed only when there are several)',
    )
    .option('--to <allocators...>', 'preferred target allocator ids (default: ECE chooses)')
    .option('-y, --yes', 'do not ask for confirmation');
  addWaitOptions(cmd)
    .addHelpText(
      'after',
      `
ECE moves the instances with a plan: it starts new instances on the target
allocators, migrates the data and removes the old ones. Without --to, ECE
chooses the allocators. Only Elasticsearch instances can be moved.

Examples:
  $ ece deployments instances move prod-logs instance-0000000001 --yes --wait
  $ ece deployments instances move prod-logs instance-0000000000 instance-0000000001 --to 192.168.44.12 --yes
  $ ece deployments instances move prod-logs instance-0000000001 --to 192.168.44.12 --dry-run`,
    )
    .action(
      act(contexts, (ctx, ref: string, names: string[], flags: MoveFlags) =>
        run(ref, names, flags, ctx),
      ),
    );
}

export async function run(
  ref: string,
  names: string[],
  flags: MoveFlags,
  ctx: Context,
): Promise<void> {
  const timeoutMs = waitTimeoutMs(flags);
  for (const n of names)
    if (n.trim() === '' || n.includes(',')) throw new UsageError(`invalid instance name "${n}"`);
  const to = [...new Set(flags.to ?? [])];
  for (const a of to) if (a.trim() === '') throw new UsageError('--to needs an allocator id');
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const { id } = await resolveDeployment(api, ref);
  const d = await readInstances(api, id);
  const r = pickResource(d, 'elasticsearch', flags.refId);
  const chosen = checkInstances(d, r, names);
  for (const allocator of to) {
    try {
      await getAllocator(api, allocator);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404)
        throw new CliError(`allocator "${allocator}" does not exist`, ExitCode.NOT_FOUND);
      throw err;
    }
  }
  const write = moveRequest(id, r.refId, chosen, { to });
  if (showDryRun(ctx, api, write)) return;
  const from = chosen.map((n) => {
    const at = r.instances.find((i) => i.instance_name === n)?.allocator_id;
    return at ? `${n} (on ${at})` : n;
  });
  const where = to.length ? `to ${to.join(', ')}` : 'to allocators ECE chooses';
  await confirmOrFail(
    ctx.io,
    sanitize(
      `Move ${from.join(', ')} of elasticsearch ${r.refId} in deployment ${d.label} ${where}? ECE runs a plan that migrates their data.`,
    ),
    flags.yes,
  );
  const before = flags.wait ? await snapshot(api, id) : undefined;
  await api.request(write);
  ctx.io.stderr.write(
    `Moving ${chosen.join(', ')} of elasticsearch ${r.refId} in deployment ${d.label} ${where}.\n`,
  );
  if (!flags.wait) return;
  const key = `elasticsearch/${r.refId}`;
  await follow(
    ctx,
    api,
    id,
    [{ kind: 'elasticsearch', refId: r.refId, before: before?.get(key) ?? NOTHING_BEFORE }],
    timeoutMs,
  );
}
