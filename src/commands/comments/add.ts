// `ece comments add <deployment> <message>` (or --allocator ID <message>):
// a new comment; `-` reads the message from stdin. Its id goes to stdout.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { createComment } from '../../api/comments.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readStdin } from '../../input.js';
import type { IOStreams } from '../../output/iostreams.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import {
  addTargetOptions,
  parseTarget,
  resolveTarget,
  TARGET_HELP,
  type TargetFlags,
} from './target.js';

export function register(group: Command, contexts: Contexts): void {
  addTargetOptions(
    group
      .command('add')
      .description('Add a comment to a resource')
      .usage('[options] (<deployment> | --allocator|--runner|--constructor|--proxy <id>) <message>')
      .argument('[deployment]', 'deployment id or exact name')
      .argument('[message]', 'the comment (- reads it from stdin)'),
  )
    .addHelpText(
      'after',
      `${TARGET_HELP} The new comment's id is printed on stdout.

Examples:
  $ ece comments add prod-logs "Resized for the Black Friday peak"
  $ ece comments add --allocator 192.168.44.10 "Disk replaced"
  $ git log -1 --format=%B | ece comments add prod-logs --kind kibana -`,
    )
    .action(
      act(contexts, (ctx, a: string | undefined, b: string | undefined, flags: TargetFlags) =>
        run([a, b], flags, ctx),
      ),
    );
}

/** The message as given, or stdin for `-`; an empty one is a usage error. */
export async function messageOf(io: IOStreams, given: string): Promise<string> {
  const message = given === '-' ? await readStdin(io, 'the comment') : given;
  if (message.trim() === '') throw new UsageError('the comment is empty');
  return message;
}

export async function run(
  args: (string | undefined)[],
  flags: TargetFlags,
  ctx: Context,
): Promise<void> {
  const parsed = parseTarget(args, flags, ['the message']);
  const message = await messageOf(ctx.io, parsed.rest[0] ?? '');
  const api = await ctx.api();
  const { target, label } = await resolveTarget(api, parsed, flags);
  const write = createComment(target, message);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  else ctx.io.stdout.write(`${String(parseBody<{ id?: unknown }>(res).id)}\n`);
  ctx.io.stderr.write(`Added a comment to ${label}.\n`);
}
