// `ece comments delete <deployment> <comment-id>`: asks first; --yes skips
// that. It sends the version it read, like update.

import { deleteComment } from '../../api/comments.js';
import { defineVerb } from '../run/types.js';
import {
  resolveTarget,
  TARGET_HELP,
  TARGET_OPTIONS,
  type TargetInput,
  targetInput,
} from './target.js';
import { changedSinceRead, readComment } from './versioned.js';

export const verb = defineVerb<TargetInput>({
  effect: 'destructive',
  usage: '[options] (<deployment> | --allocator|--runner|--constructor|--proxy <id>) <comment-id>',
  args: [
    { name: 'deployment', description: 'deployment id or exact name', required: false },
    { name: 'comment-id', description: 'the comment (ece comments list)', required: false },
  ],
  options: TARGET_OPTIONS,
  description: `${TARGET_HELP.trim()} Only its author may delete a comment (else exit 4).`,
  examples: [
    'ece comments delete prod-logs 93420f71ca474b79aa4bc2aaa7f37e21',
    'ece comments delete --allocator 192.168.44.10 93420f71ca474b79aa4bc2aaa7f37e21 --yes',
  ],
  input: targetInput(['deployment', 'commentId'], ['the comment id']),
  async plan(input, ctx) {
    const [id = ''] = input.rest;
    const api = await ctx.api();
    const { target, label } = await resolveTarget(api, input, input.flags);
    const current = await readComment(api, target, id);
    const first = current.message.split('\n')[0] ?? '';
    const quoted = first.length > 60 ? `${first.slice(0, 57)}…` : first;
    return {
      writes: [deleteComment(target, id, current.version)],
      confirm: `Delete comment "${quoted}" on ${label}?`,
      fail: changedSinceRead,
      done: `Deleted comment ${id}.`,
    };
  },
});
