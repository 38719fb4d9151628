// `ece instance-configs update <id> -f ic.json`: replaces an existing
// instance configuration. It must exist (a PUT would create it: that is
// `create`'s job), which one read checks first, in a dry run too.

import type { Command } from 'commander';
import { getInstanceConfig, setInstanceConfig } from '../../api/instance-configs.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';

interface UpdateFlags {
  file?: string;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('update')
    .description('Replace an instance configuration with the one in a file')
    .argument('<id>', 'instance configuration id')
    .option('-f, --file <file>', 'the whole instance configuration, JSON or YAML (- for stdin)')
    .addHelpText(
      'after',
      `
The file replaces the configuration as a whole: start from \`show --json\`.

Examples:
  $ ece instance-configs show data.default --json > ic.json   # edit ic.json
  $ ece instance-configs update data.default -f ic.json`,
    )
    .action(act(contexts, (ctx, id: string, flags: UpdateFlags) => run(id, flags, ctx)));
}

export async function run(id: string, flags: UpdateFlags, ctx: Context): Promise<void> {
  if (!flags.file)
    throw new UsageError('give the instance configuration with -f FILE (- for stdin)');
  const doc = await readDocument(ctx.io, flags.file);
  if (doc.id !== undefined && doc.id !== id)
    throw new UsageError(`the file is instance configuration "${String(doc.id)}", not "${id}"`);
  const { deleted_on: _d, system_owned: _s, ...body } = doc;
  const api = await ctx.api();
  await getInstanceConfig(api, id);
  const write = setInstanceConfig(id, { ...body, id });
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(`Updated instance configuration ${id}.\n`);
}
