// `ece allocators show <id>`: an allocator's fields and the instances it runs.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { getAllocator } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { fieldsView, text } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { type Allocator, COLUMNS } from './model.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description('Show an allocator and the instances it runs')
    .argument('<id>', 'allocator id')
    .addHelpText(
      'after',
      `
On a terminal: the allocator's fields, then a table of its instances. Piped:
one "field<TAB>value" line per field, then one line per instance:
"instance<TAB>name<TAB>kind<TAB>deployment<TAB>memory_mb" (so
\`awk -F'\\t' '$1 == "instance"'\` picks them out). --json prints ECE's body.

Examples:
  $ ece allocators show 192.168.44.10
  $ ece allocators show 192.168.44.10 | awk -F'\\t' '$1 == "instance" {print $2}'`,
    )
    .action(act(contexts, (ctx, id: string) => run(id, ctx)));
}

export async function run(id: string, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await getAllocator(await ctx.api(), id);
  await renderer.body(res, fieldsView(COLUMNS));
  if (renderer.raw) return;
  const instances = parseBody<Allocator>(res).instances ?? [];
  if (instances.length === 0) return;
  const rows = instances.map((i) => [
    text(i.instance_name),
    text(i.cluster_type),
    text(i.cluster_name ?? i.deployment_id),
    text(i.node_memory),
  ]);
  if (renderer.format === 'table') {
    ctx.io.stdout.write('\n');
    renderer.grid({ headers: ['INSTANCE', 'KIND', 'DEPLOYMENT', 'MEMORY_MB'], rows });
  } else {
    renderer.grid({ headers: [], rows: rows.map((r) => ['instance', ...r]) });
  }
}
