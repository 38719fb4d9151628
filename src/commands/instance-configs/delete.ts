// `ece instance-configs delete <id>`: asks first; --yes skips that.

import type { Command } from 'commander';
import { deleteInstanceConfig, getInstanceConfig } from '../../api/instance-configs.js';
import type { Context } from '../../context.js';
import { requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { confirmAndSend } from '../write.js';

interface DeleteFlags {
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .alias('rm')
    .description('Delete an instance configuration (asks first)')
    .argument('<id>', 'instance configuration id')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
Templates that use it can no longer create deployments with it. ECE refuses
to delete its own (system-owned) configurations.

Examples:
  $ ece instance-configs delete data.big
  $ ece instance-configs delete data.big --yes`,
    )
    .action(act(contexts, (ctx, id: string, flags: DeleteFlags) => run(id, flags, ctx)));
}

export async function run(id: string, flags: DeleteFlags, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  await getInstanceConfig(api, id);
  const write = deleteInstanceConfig(id);
  await confirmAndSend(ctx, api, write, {
    question: `Delete instance configuration ${id}?`,
    yes: flags.yes,
    done: `Deleted instance configuration ${id}.`,
  });
}
