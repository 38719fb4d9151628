// `ece stack delete <version>`: asks first; --yes skips that. ECE marks the
// version deleted: no new deployments or upgrades on it; running ones stay.

import type { Command } from 'commander';
import { deleteStackVersion, getStackVersion } from '../../api/stack.js';
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
    .description('Delete a stack version (asks first)')
    .argument('<version>', 'the stack version, e.g. 7.17.24')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
Deployments running the version keep running; none can be created on it or
upgraded to it afterwards.

Examples:
  $ ece stack delete 7.17.24
  $ ece stack delete 7.17.24 --yes`,
    )
    .action(act(contexts, (ctx, version: string, flags: DeleteFlags) => run(version, flags, ctx)));
}

export async function run(version: string, flags: DeleteFlags, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const v = version.trim().replace(/^v/, '');
  const api = await ctx.api();
  await getStackVersion(api, v);
  const write = deleteStackVersion(v);
  await confirmAndSend(ctx, api, write, {
    question: `Delete stack version ${v}?`,
    yes: flags.yes,
    done: `Deleted stack version ${v}.`,
  });
}
