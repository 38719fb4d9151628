// `ece allocators delete <allocator>`: decommission a host's allocator. ECE
// refuses while instances remain (vacate first) and while it is connected;
// its refusal is shown as it is (exit 5). Asks first (--yes skips it).

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
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
For a host that is being removed: vacate it first (ece allocators vacate
--wait). ECE refuses to delete an allocator that still runs instances, and a
connected one; the refusal is printed as ECE words it (exit 5).

Examples:
  $ ece allocators delete 192.168.44.12
  $ ece allocators delete 192.168.44.12 --yes --dry-run`,
    )
    .action(act(contexts, (ctx, id: string, flags: { yes?: boolean }) => run(id, flags, ctx)));
}

export async function run(id: string, flags: { yes?: boolean }, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const a = parseBody<Allocator>(await getAllocator(api, id));
  const write = deleteAllocatorRequest(id);
  const n = a.instances?.length ?? 0;
  await confirmAndSend(ctx, api, write, {
    question: `Delete allocator ${id} (${a.zone_id}${n ? `, ${n} instance${n === 1 ? '' : 's'} still on it` : ''})?`,
    yes: flags.yes,
    done: `Deleted allocator ${id}.`,
  });
}
