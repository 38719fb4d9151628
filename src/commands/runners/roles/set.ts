// `ece runners roles set <runner> <role…>`: the runner's roles become
// exactly these (PUT …/roles replaces them). It reads the runner first to
// show the roles before and after; taking roles away stops their containers
// on the host, so that asks first (--yes skips it).

import type { Command } from 'commander';
import { parseBody } from '../../../api/body.js';
import { getRunner, setRunnerRolesRequest } from '../../../api/runners.js';
import type { Context } from '../../../context.js';
import { UsageError } from '../../../errors.js';
import { confirmOrFail } from '../../../output/prompt.js';
import { RAW } from '../../../output/raw.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';
import { type Runner, roleNames } from '../columns.js';

interface SetFlags {
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('set')
    .description("Set a runner's roles (replaces them; asks before removing any)")
    .argument('<runner>', 'runner id')
    .argument('<roles...>', 'the roles it should have, e.g. allocator proxy (see ece roles list)')
    .option('-y, --yes', 'do not ask before removing roles')
    .addHelpText(
      'after',
      `
The runner gets exactly the roles given: any it has now and that are not
named are removed (their containers stop on the host), which asks first.
The roles before and after are shown on stderr.

Examples:
  $ ece runners roles set 192.168.44.12 allocator
  $ ece runners roles set 192.168.44.12 allocator proxy --yes`,
    )
    .action(
      act(contexts, (ctx, id: string, roles: string[], flags: SetFlags) =>
        run(id, roles, flags, ctx),
      ),
    );
}

export async function run(
  id: string,
  roles: string[],
  flags: SetFlags,
  ctx: Context,
): Promise<void> {
  const wanted = [...new Set(roles)];
  const empty = wanted.find((r) => r.trim() === '');
  if (empty !== undefined) throw new UsageError('a role name is empty');
  const api = await ctx.api();
  const before = roleNames(parseBody<Runner>(await getRunner(api, id)));
  const removed = before.filter((r) => !wanted.includes(r));
  const list = (names: string[]) => (names.length ? names.join(', ') : '(none)');
  ctx.io.stderr.write(`Runner ${id}\n  before: ${list(before)}\n  after:  ${list(wanted)}\n`);
  const write = setRunnerRolesRequest(id, ...wanted);
  if (showDryRun(ctx, api, write)) return;
  if (removed.length)
    await confirmOrFail(ctx.io, `Remove ${list(removed)} from runner ${id}?`, flags.yes);
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(`Set the roles of runner ${id}.\n`);
}
