// `ece roles create -f role.json`: a new runner role. The file is a Role, a
// create request ({role, blessings}) or a `roles show --json`; --id names it.

import type { Command } from 'commander';
import { createRoleRequest } from '../../api/roles.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { roleOf } from './role.js';

interface CreateFlags {
  file?: string;
  id?: string;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('create')
    .description('Create a runner role from a JSON or YAML file')
    .option('-f, --file <file>', 'the role, JSON or YAML (- for stdin)')
    .option('--id <id>', "the role's id (default: the file's)")
    .addHelpText(
      'after',
      `
The file is a Role (id, auto_blessed, containers), a create request
({"role": …, "blessings": …}) or what \`roles show --json\` prints. The new
role's id is printed on stdout.

Examples:
  $ ece roles create -f monitoring-role.json
  $ ece roles show proxy --json | ece roles create -f - --id edge-proxy`,
    )
    .action(act(contexts, (ctx, flags: CreateFlags) => run(flags, ctx)));
}

export async function run(flags: CreateFlags, ctx: Context): Promise<void> {
  if (!flags.file) throw new UsageError('give the role with -f FILE (- for stdin)');
  const { role, blessings } = roleOf(await readDocument(ctx.io, flags.file));
  if (flags.id !== undefined) role.id = flags.id;
  if (typeof role.id !== 'string' || role.id.trim() === '')
    throw new UsageError('the role needs an id: give --id, or an id in the file');
  role.auto_blessed ??= false;
  // A copy of another role's blessings would put the new role on those runners at once.
  const body = flags.id === undefined && blessings !== undefined ? { role, blessings } : { role };
  const api = await ctx.api();
  const write = createRoleRequest(body);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  else ctx.io.stdout.write(`${role.id}\n`);
  ctx.io.stderr.write(`Created runner role ${role.id}.\n`);
}
