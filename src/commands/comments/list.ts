// `ece comments list <deployment> | --allocator ID …`: newest change first.

import type { Command } from 'commander';
import { listComments } from '../../api/comments.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import {
  addTargetOptions,
  parseTarget,
  resolveTarget,
  TARGET_HELP,
  type TargetFlags,
} from './target.js';
import { type CommentWithMeta, columns } from './versioned.js';

export function register(group: Command, contexts: Contexts): void {
  addTargetOptions(
    group
      .command('list')
      .alias('ls')
      .description('List the comments on a resource')
      .usage('[options] (<deployment> | --allocator|--runner|--constructor|--proxy <id>)')
      .argument('[deployment]', 'deployment id or exact name'),
  )
    .addHelpText(
      'after',
      `${TARGET_HELP}

Examples:
  $ ece comments list prod-logs
  $ ece comments list prod-logs --kind kibana
  $ ece comments list --allocator 192.168.44.10`,
    )
    .action(
      act(contexts, (ctx, dep: string | undefined, flags: TargetFlags) => run(dep, flags, ctx)),
    );
}

export async function run(
  dep: string | undefined,
  flags: TargetFlags,
  ctx: Context,
): Promise<void> {
  const parsed = parseTarget([dep], flags, []);
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const { target } = await resolveTarget(api, parsed, flags);
  const res = await listComments(api, target);
  await renderer.body(
    res,
    listView<CommentWithMeta>(
      (d) => (d as { values?: CommentWithMeta[] }).values,
      columns,
      'No comments.',
    ),
  );
}
