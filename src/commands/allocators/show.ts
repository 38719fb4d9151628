// `ece allocators show <id>`: an allocator's fields and the instances it runs.

import { parseBody } from '../../api/body.js';
import { fieldsView, text } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { type Allocator, COLUMNS, readAllocator } from './model.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'read',
  args: [{ name: 'id', description: 'allocator id, or its host name or IP' }],
  description: `On a terminal: the allocator's fields, then a table of its instances. Piped:
one "field<TAB>value" line per field, then one line per instance:
"instance<TAB>name<TAB>kind<TAB>deployment<TAB>memory_mb" (so
\`awk -F'\\t' '$1 == "instance"'\` picks them out). --json prints ECE's body.`,
  examples: [
    'ece allocators show 192.168.44.10',
    "ece allocators show 192.168.44.10 | awk -F'\\t' '$1 == \"instance\" {print $2}'",
  ],
  async plan({ id }, ctx) {
    const { res } = await readAllocator(await ctx.api(), id);
    return {
      output: {
        body: res,
        // A table or TSV run: the fields, then the instances.
        async print(renderer, io) {
          await renderer.body(res, fieldsView(COLUMNS));
          const instances = parseBody<Allocator>(res).instances ?? [];
          if (instances.length === 0) return;
          const rows = instances.map((i) => [
            text(i.instance_name),
            text(i.cluster_type),
            text(i.cluster_name ?? i.deployment_id),
            text(i.node_memory),
          ]);
          if (renderer.format === 'table') {
            io.stdout.write('\n');
            renderer.grid({ headers: ['INSTANCE', 'KIND', 'DEPLOYMENT', 'MEMORY_MB'], rows });
          } else {
            renderer.grid({ headers: [], rows: rows.map((r) => ['instance', ...r]) });
          }
        },
      },
    };
  },
});
