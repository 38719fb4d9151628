// `ece comments list <deployment> | --allocator ID …`: newest change first.

import { listComments } from '../../api/comments.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import {
  resolveTarget,
  TARGET_HELP,
  TARGET_OPTIONS,
  type TargetInput,
  targetInput,
} from './target.js';
import { type CommentWithMeta, columns } from './versioned.js';

export const verb = defineVerb<TargetInput>({
  effect: 'read',
  usage: '[options] (<deployment> | --allocator|--runner|--constructor|--proxy <id>)',
  args: [{ name: 'deployment', description: 'deployment id or exact name', required: false }],
  options: TARGET_OPTIONS,
  description: TARGET_HELP.trim(),
  examples: [
    'ece comments list prod-logs',
    'ece comments list prod-logs --kind kibana',
    'ece comments list --allocator 192.168.44.10',
  ],
  input: targetInput(['deployment'], []),
  async plan(input, ctx) {
    const api = await ctx.api();
    const { target } = await resolveTarget(api, input, input.flags);
    const res = await listComments(api, target);
    return {
      output: {
        body: res,
        view: listView<CommentWithMeta>(
          (d) => (d as { values?: CommentWithMeta[] }).values,
          columns,
          'No comments.',
        ),
      },
    };
  },
});
