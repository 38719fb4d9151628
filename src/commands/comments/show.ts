// `ece comments show (<deployment> | --allocator ID …) <comment-id>`: one
// comment: its author, message and times (ECE sends the times and the
// version as headers: the table shows them; --json is the body).

import { getComment } from '../../api/comments.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb, type Raw } from '../run/types.js';
import {
  parseTarget,
  resolveTarget,
  TARGET_HELP,
  TARGET_OPTIONS,
  type TargetFlags,
} from './target.js';

interface Input extends TargetFlags {
  deployment?: string;
  commentId?: string;
}

interface Shown {
  id: string;
  user_id: string;
  message: string;
  created?: string;
  modified?: string;
  version?: string;
}

export const verb = defineVerb<Input>({
  effect: 'read',
  usage: '[options] (<deployment> | --allocator|--runner|--constructor|--proxy <id>) <comment-id>',
  args: [
    { name: 'deployment', description: 'deployment id or exact name', required: false },
    { name: 'comment-id', description: 'the comment (ece comments list)', required: false },
  ],
  options: TARGET_OPTIONS,
  description: `${TARGET_HELP.trim()} A table shows the comment with its times and
version (ECE sends those as headers); --json prints the API's body.`,
  examples: [
    'ece comments show prod-logs 93420f71ca474b79aa4bc2aaa7f37e21',
    'ece comments show --allocator 192.168.44.10 93420f71ca474b79aa4bc2aaa7f37e21 --json',
  ],
  input: (raw: Raw) => raw as unknown as Input,
  async plan(input, ctx) {
    const parsed = parseTarget([input.deployment, input.commentId], input, ['the comment id']);
    const [id = ''] = parsed.rest;
    const api = await ctx.api();
    const { target } = await resolveTarget(api, parsed, input);
    const res = await getComment(api, target, id);
    const h = res.headers;
    const parsedBody = JSON.parse(res.text) as Shown;
    const shown: Shown = {
      ...parsedBody,
      ...(h['x-cloud-resource-created'] ? { created: h['x-cloud-resource-created'] } : {}),
      ...(h['x-cloud-resource-last-modified']
        ? { modified: h['x-cloud-resource-last-modified'] }
        : {}),
      ...(h['x-cloud-resource-version'] ? { version: h['x-cloud-resource-version'] } : {}),
    };
    return {
      output: {
        body: res,
        view: fieldsView<Shown>([
          ['ID', (c) => c.id],
          ['USER', (c) => c.user_id],
          ['CREATED', (c) => c.created],
          ['MODIFIED', (c) => c.modified],
          ['VERSION', (c) => c.version],
          ['MESSAGE', (c) => c.message],
        ]),
        parsed: shown,
      },
    };
  },
});
