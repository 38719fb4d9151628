// `ece roles update <role>`: read, modify, write. The role is read first
// (it must exist; role.meta.version goes back as ?version= so that ECE
// refuses with 409 when someone changed it in between), then replaced by the
// file's role, or by the current one with --auto-blessed applied.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { getRole, updateRoleRequest } from '../../api/roles.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { type RoleAggregate, roleOf } from './role.js';

interface UpdateFlags {
  file?: string;
  autoBlessed?: string;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('update')
    .description('Change a runner role: replace it with a file, or set auto_blessed')
    .argument('<role>', 'role id')
    .option('-f, --file <file>', 'the role, JSON or YAML (- for stdin)')
    .option('--auto-blessed <bool>', 'true: every runner may run its containers without a blessing')
    .addHelpText(
      'after',
      `
The file replaces the role (start from \`roles show --json\`). ECE refuses to
take container sets away from a role that runners hold (exit 5), and the
update carries the version read first, so a change made in between fails
with exit 5 instead of being lost.

Examples:
  $ ece roles show proxy --json > proxy.json   # edit proxy.json
  $ ece roles update proxy -f proxy.json
  $ ece roles update monitoring --auto-blessed true`,
    )
    .action(act(contexts, (ctx, id: string, flags: UpdateFlags) => run(id, flags, ctx)));
}

export async function run(id: string, flags: UpdateFlags, ctx: Context): Promise<void> {
  if (!flags.file && flags.autoBlessed === undefined)
    throw new UsageError('give the role with -f FILE, or --auto-blessed');
  if (flags.autoBlessed !== undefined && !['true', 'false'].includes(flags.autoBlessed))
    throw new UsageError(`invalid --auto-blessed "${flags.autoBlessed}": use true or false`);
  let fromFile: Record<string, unknown> | undefined;
  if (flags.file) {
    fromFile = roleOf(await readDocument(ctx.io, flags.file)).role;
    if (fromFile.id !== undefined && fromFile.id !== id)
      throw new UsageError(`the file is role "${String(fromFile.id)}", not "${id}"`);
  }
  const api = await ctx.api();
  const current = parseBody<RoleAggregate>(await getRole(api, id));
  const role: Record<string, unknown> = { ...(fromFile ?? current.role.value), id };
  if (flags.autoBlessed !== undefined) role.auto_blessed = flags.autoBlessed === 'true';
  const write = updateRoleRequest(id, role, current.role?.meta?.version);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(`Updated runner role ${id}.\n`);
}
