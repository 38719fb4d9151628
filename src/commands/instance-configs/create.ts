// `ece instance-configs create -f ic.json`: a new instance configuration.
// The id ECE gives it goes to stdout (the API's body with --json).

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { createInstanceConfig } from '../../api/instance-configs.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';

interface CreateFlags {
  file?: string;
  id?: string;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('create')
    .description('Create an instance configuration from a JSON or YAML file')
    .option('-f, --file <file>', 'the instance configuration, JSON or YAML (- for stdin)')
    .option('--id <id>', "the id to give it (default: the file's id, else one ECE picks)")
    .addHelpText(
      'after',
      `
The file is an InstanceConfiguration: name, instance_type and discrete_sizes
at least. The new id is printed on stdout.

Examples:
  $ ece instance-configs create -f hot-nvme.json
  $ ece instance-configs show data.default --json | jq '.id="data.big" | .name="data.big"' | ece instance-configs create -f -`,
    )
    .action(act(contexts, (ctx, flags: CreateFlags) => run(flags, ctx)));
}

export async function run(flags: CreateFlags, ctx: Context): Promise<void> {
  if (!flags.file)
    throw new UsageError('give the instance configuration with -f FILE (- for stdin)');
  const doc = await readDocument(ctx.io, flags.file);
  // ECE fills these in itself and refuses them in a create.
  const { config_version: _v, deleted_on: _d, system_owned: _s, ...body } = doc;
  if (flags.id) body.id = flags.id;
  const api = await ctx.api();
  const write = createInstanceConfig(body);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  else {
    const id = parseBody<{ id?: unknown }>(res).id;
    ctx.io.stdout.write(`${String(id)}\n`);
  }
  ctx.io.stderr.write(`Created instance configuration ${String(body.name)}.\n`);
}
