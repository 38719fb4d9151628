// `ece allocators delete <allocator>`: decommission a host's allocator. ECE
// refuses while instances remain (vacate first) and while it is connected;
// its refusal is shown as it is (exit 5). A host that is lost for good and
// still lists instances goes with --remove-instances (remove_instances=true,
// as ecctl's --remove-instances). Asks first (--yes skips it).

import type { Command } from 'commander';
import { deleteAllocatorRequest } from '../../api/allocators.js';
import { parseBody } from '../../api/body.js';
import { getAllocator } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { confirmAndSend } from '../write.js';
import type { Allocator } from './model.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .description('Delete an allocator (refused by ECE while instances remain; asks first)')
    .argument('<allocator>', 'allocator id')
    .option(
      '--remove-instances',
      'also remove the instances it still lists (a host lost for good; they are not moved)',
    )
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
For a host that is being removed: vacate it first (ece allocators vacate
--wait). ECE refuses to delete an allocator that still runs instances, and a
connected one; the refusal is printed as ECE words it (exit 5). A host that
is gone for good and still lists instances can be removed with
--remove-instances: ECE forgets the instances it lists (nothing is moved;
the deployments they belonged to need a plan to place them again).

Examples:
  $ ece allocators delete 192.168.44.12
  $ ece allocators delete 192.168.44.12 --yes --dry-run
  $ ece allocators delete 192.168.44.13 --remove-instances --yes`,
    )
    .action(act(contexts, (ctx, id: string, flags: DeleteFlags) => run(id, flags, ctx)));
}

interface DeleteFlags {
  yes?: boolean;
  removeInstances?: boolean;
}

export async function run(id: string, flags: DeleteFlags, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const a = parseBody<Allocator>(await getAllocator(api, id));
  const write = deleteAllocatorRequest(id, { removeInstances: flags.removeInstances });
  const n = a.instances?.length ?? 0;
  const instances = `${n} instance${n === 1 ? '' : 's'}`;
  await confirmAndSend(ctx, api, write, {
    question: `Delete allocator ${id} (${a.zone_id}${n ? (flags.removeInstances ? `, and remove the ${instances} it lists` : `, ${instances} still on it`) : ''})?`,
    yes: flags.yes,
    done: `Deleted allocator ${id}.`,
  });
}
