// `ece roles delete <role>`: asks first; --yes skips that. ECE refuses while
// runners hold the role (400 roles.in_use, exit 5): take it off them first
// with `ece runners roles set`. The version read first guards the delete.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { deleteRoleRequest, getRole } from '../../api/roles.js';
import type { Context } from '../../context.js';
import { requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { confirmAndSend } from '../write.js';
import type { RoleAggregate } from './role.js';

interface DeleteFlags {
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .alias('rm')
    .description('Delete a runner role (asks first)')
    .argument('<role>', 'role id')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
ECE refuses to delete a role that runners still hold; the error names them.

Examples:
  $ ece roles delete monitoring
  $ ece roles delete monitoring --yes`,
    )
    .action(act(contexts, (ctx, id: string, flags: DeleteFlags) => run(id, flags, ctx)));
}

export async function run(id: string, flags: DeleteFlags, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const current = parseBody<RoleAggregate>(await getRole(api, id));
  const write = deleteRoleRequest(id, current.role?.meta?.version);
  await confirmAndSend(ctx, api, write, {
    question: `Delete runner role ${id}?`,
    yes: flags.yes,
    done: `Deleted runner role ${id}.`,
  });
}
