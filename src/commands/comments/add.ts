// `ece comments add <deployment> <message>` (or --allocator ID <message>):
// a new comment; `-` reads the message from stdin. Its id goes to stdout.

import { parseBody } from '../../api/body.js';
import { createComment } from '../../api/comments.js';
import { UsageError } from '../../errors.js';
import { readStdin } from '../../input.js';
import type { IOStreams } from '../../output/iostreams.js';
import { defineVerb } from '../run/types.js';
import {
  resolveTarget,
  TARGET_HELP,
  TARGET_OPTIONS,
  type TargetInput,
  targetInput,
} from './target.js';

/** The message as given, or stdin for `-`; an empty one is a usage error. */
export async function messageOf(io: IOStreams, given: string): Promise<string> {
  const message = given === '-' ? await readStdin(io, 'the comment') : given;
  if (message.trim() === '') throw new UsageError('the comment is empty');
  return message;
}

export const verb = defineVerb<TargetInput>({
  effect: 'write',
  usage: '[options] (<deployment> | --allocator|--runner|--constructor|--proxy <id>) <message>',
  args: [
    { name: 'deployment', description: 'deployment id or exact name', required: false },
    { name: 'message', description: 'the comment (- reads it from stdin)', required: false },
  ],
  options: TARGET_OPTIONS,
  description: `${TARGET_HELP.trim()} The new comment's id is printed on stdout.`,
  examples: [
    'ece comments add prod-logs "Resized for the Black Friday peak"',
    'ece comments add --allocator 192.168.44.10 "Disk replaced"',
    'git log -1 --format=%B | ece comments add prod-logs --kind kibana -',
  ],
  input: targetInput(['deployment', 'message'], ['the message']),
  async plan(input, ctx) {
    const message = await messageOf(ctx.io, input.rest[0] ?? '');
    const api = await ctx.api();
    const { target, label } = await resolveTarget(api, input, input.flags);
    return {
      writes: [createComment(target, message)],
      // The new id on stdout, for a script to use next.
      output: ([res]) => ({
        body: res ?? '',
        print: (_renderer, io) => {
          io.stdout.write(`${res ? String(parseBody<{ id?: unknown }>(res).id) : ''}\n`);
        },
      }),
      done: `Added a comment to ${label}.`,
    };
  },
});
