// `ece comments update <deployment> <comment-id> <message>`: a new message
// for a comment of one's own. It sends the version it read: a change made
// in between is refused (exit 5) rather than overwritten.

import { updateComment } from '../../api/comments.js';
import { defineVerb } from '../run/types.js';
import { messageOf } from './add.js';
import {
  resolveTarget,
  TARGET_HELP,
  TARGET_OPTIONS,
  type TargetInput,
  targetInput,
} from './target.js';
import { changedSinceRead, readComment } from './versioned.js';

export const verb = defineVerb<TargetInput>({
  effect: 'write',
  usage:
    '[options] (<deployment> | --allocator|--runner|--constructor|--proxy <id>) <comment-id> <message>',
  args: [
    { name: 'deployment', description: 'deployment id or exact name', required: false },
    { name: 'comment-id', description: 'the comment (ece comments list)', required: false },
    { name: 'message', description: 'the new message (- reads it from stdin)', required: false },
  ],
  options: TARGET_OPTIONS,
  description: `${TARGET_HELP.trim()} Only its author may change a comment (else exit 4). The
version read is sent back: if the comment changed in between, nothing is
changed (exit 5).`,
  examples: [
    'ece comments update prod-logs 93420f71ca474b79aa4bc2aaa7f37e21 "Resized to 8g"',
    'ece comments update --runner 192.168.44.11 93420f71ca474b79aa4bc2aaa7f37e21 - < note.txt',
  ],
  input: targetInput(['deployment', 'commentId', 'message'], ['the comment id', 'the message']),
  async plan(input, ctx) {
    const [id = '', given = ''] = input.rest;
    const message = await messageOf(ctx.io, given);
    const api = await ctx.api();
    const { target } = await resolveTarget(api, input, input.flags);
    const current = await readComment(api, target, id);
    if (current.message === message)
      return { done: `Comment ${id} already says that: nothing to change.` };
    return {
      writes: [updateComment(target, id, message, current.version)],
      fail: changedSinceRead,
      done: `Updated comment ${id}.`,
    };
  },
});
