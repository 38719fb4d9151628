// `ece comments delete <deployment> <comment-id>`: asks first; --yes skips
// that. It sends the version it read, like update.

import type { Command } from 'commander';
import { deleteComment } from '../../api/comments.js';
import type { Context } from '../../context.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import {
  addTargetOptions,
  parseTarget,
  resolveTarget,
  TARGET_HELP,
  type TargetFlags,
} from './target.js';
import { readComment, sendVersioned } from './versioned.js';

interface DeleteFlags extends TargetFlags {
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  addTargetOptions(
    group
      .command('delete')
      .alias('rm')
      .description('Delete a comment (asks first)')
      .usage(
        '[options] (<deployment> | --allocator|--runner|--constructor|--proxy <id>) <comment-id>',
      )
      .argument('[deployment]', 'deployment id or exact name')
      .argument('[comment-id]', 'the comment (ece comments list)')
      .option('-y, --yes', 'do not ask for confirmation'),
  )
    .addHelpText(
      'after',
      `${TARGET_HELP} Only its author may delete a comment (else exit 4).

Examples:
  $ ece comments delete prod-logs 93420f71ca474b79aa4bc2aaa7f37e21
  $ ece comments delete --allocator 192.168.44.10 93420f71ca474b79aa4bc2aaa7f37e21 --yes`,
    )
    .action(
      act(contexts, (ctx, a: string | undefined, b: string | undefined, flags: DeleteFlags) =>
        run([a, b], flags, ctx),
      ),
    );
}

export async function run(
  args: (string | undefined)[],
  flags: DeleteFlags,
  ctx: Context,
): Promise<void> {
  const parsed = parseTarget(args, flags, ['the comment id']);
  const [id = ''] = parsed.rest;
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const { target, label } = await resolveTarget(api, parsed, flags);
  const current = await readComment(api, target, id);
  const write = deleteComment(target, id, current.version);
  if (showDryRun(ctx, api, write)) return;
  const first = current.message.split('\n')[0] ?? '';
  const quoted = first.length > 60 ? `${first.slice(0, 57)}…` : first;
  await confirmOrFail(ctx.io, `Delete comment "${quoted}" on ${label}?`, flags.yes);
  await sendVersioned(api, write);
  ctx.io.stderr.write(`Deleted comment ${id}.\n`);
}
