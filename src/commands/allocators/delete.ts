// `ece allocators delete <allocator>`: decommission a host's allocator. ECE
// refuses while instances remain (vacate first) and while it is connected;
// its refusal is shown as it is (exit 5). A host that is lost for good and
// still lists instances goes with --remove-instances (remove_instances=true,
// as ecctl's --remove-instances). Asks first (--yes skips it).

import { deleteAllocatorRequest } from '../../api/allocators.js';
import { parseBody } from '../../api/body.js';
import { getAllocator } from '../../api/platform.js';
import { defineVerb } from '../run/types.js';
import type { Allocator } from './model.js';

export const verb = defineVerb<{ allocator: string; removeInstances?: boolean }>({
  effect: 'destructive',
  args: [{ name: 'allocator', description: 'allocator id' }],
  options: [
    {
      flags: '--remove-instances',
      description:
        'also remove the instances it still lists (a host lost for good; they are not moved)',
    },
  ],
  description: `For a host that is being removed: vacate it first (ece allocators vacate
--wait). ECE refuses to delete an allocator that still runs instances, and a
connected one; the refusal is printed as ECE words it (exit 5). A host that
is gone for good and still lists instances can be removed with
--remove-instances: ECE forgets the instances it lists (nothing is moved;
the deployments they belonged to need a plan to place them again).`,
  examples: [
    'ece allocators delete 192.168.44.12',
    'ece allocators delete 192.168.44.12 --yes --dry-run',
    'ece allocators delete 192.168.44.13 --remove-instances --yes',
  ],
  async plan({ allocator: id, removeInstances }, ctx) {
    const a = parseBody<Allocator>(await getAllocator(await ctx.api(), id));
    const n = a.instances?.length ?? 0;
    const instances = `${n} instance${n === 1 ? '' : 's'}`;
    const more = n
      ? removeInstances
        ? `, and remove the ${instances} it lists`
        : `, ${instances} still on it`
      : '';
    return {
      writes: [deleteAllocatorRequest(id, { removeInstances })],
      confirm: `Delete allocator ${id} (${a.zone_id}${more})?`,
      done: `Deleted allocator ${id}.`,
    };
  },
});
