// `ece comments update <deployment> <comment-id> <message>`: a new message
// for a comment of one's own. It sends the version it read: a change made
// in between is refused (exit 5) rather than overwritten.

import type { Command } from 'commander';
import { updateComment } from '../../api/comments.js';
import type { Context } from '../../context.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { messageOf } from './add.js';
import {
  addTargetOptions,
  parseTarget,
  resolveTarget,
  TARGET_HELP,
  type TargetFlags,
} from './target.js';
import { readComment, sendVersioned } from './versioned.js';

export function register(group: Command, contexts: Contexts): void {
  addTargetOptions(
    group
      .command('update')
      .description('Change the message of a comment')
      .usage(
        '[options] (<deployment> | --allocator|--runner|--constructor|--proxy <id>) <comment-id> <message>',
      )
      .argument('[deployment]', 'deployment id or exact name')
      .argument('[comment-id]', 'the comment (ece comments list)')
      .argument('[message]', 'the new message (- reads it from stdin)'),
  )
    .addHelpText(
      'after',
      `${TARGET_HELP} Only its author may change a comment (else exit 4). The
version read is sent back: if the comment changed in between, nothing is
changed (exit 5).

Examples:
  $ ece comments update prod-logs 93420f71ca474b79aa4bc2aaa7f37e21 "Resized to 8g"
  $ ece comments update --runner 192.168.44.11 93420f71ca474b79aa4bc2aaa7f37e21 - < note.txt`,
    )
    .action(
      act(
        contexts,
        (
          ctx,
          a: string | undefined,
          b: string | undefined,
          c: string | undefined,
          flags: TargetFlags,
        ) => run([a, b, c], flags, ctx),
      ),
    );
}

export async function run(
  args: (string | undefined)[],
  flags: TargetFlags,
  ctx: Context,
): Promise<void> {
  const parsed = parseTarget(args, flags, ['the comment id', 'the message']);
  const [id = '', given = ''] = parsed.rest;
  const message = await messageOf(ctx.io, given);
  const api = await ctx.api();
  const { target } = await resolveTarget(api, parsed, flags);
  const current = await readComment(api, target, id);
  if (current.message === message) {
    ctx.io.stderr.write(`Comment ${id} already says that: nothing to change.\n`);
    return;
  }
  const write = updateComment(target, id, message, current.version);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await sendVersioned(api, write);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(`Updated comment ${id}.\n`);
}
