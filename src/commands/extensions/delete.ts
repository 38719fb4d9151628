// `ece extensions delete <extension>`: asks first; --yes skips that. ECE
// refuses while a deployment's plan uses it (exit 5, ECE's message).

import type { Command } from 'commander';
import { deleteExtension } from '../../api/extensions.js';
import type { Context } from '../../context.js';
import { requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { confirmAndSend } from '../write.js';
import { resolveExtension } from './resolve.js';

interface DeleteFlags {
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .alias('rm')
    .description('Delete an extension (asks first)')
    .argument('<extension>', 'extension id or exact name')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
ECE refuses to delete an extension that a deployment uses (exit 5): remove it
from those deployments' plans first (ece extensions show lists them).

Examples:
  $ ece extensions delete synonyms
  $ ece extensions delete 4226448541 --yes`,
    )
    .action(act(contexts, (ctx, ref: string, flags: DeleteFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: DeleteFlags, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const ext = await resolveExtension(api, ref);
  const write = deleteExtension(ext.id);
  await confirmAndSend(ctx, api, write, {
    question: `Delete ${ext.extension_type} ${ext.name} (${ext.id})?`,
    yes: flags.yes,
    done: `Deleted extension ${ext.name} (${ext.id}).`,
  });
}
