// `ece proxies filtered-groups update <id>`: the group read first (it must
// exist; its version goes back as ?version=, so that a change in between is
// refused, exit 5), then replaced by the file's, or changed by the flags.

import { getFilteredGroup, updateFilteredGroupRequest } from '../../api/proxies.js';
import { UsageError } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import {
  changedHint,
  checkFlags,
  GROUP_OPTIONS,
  type GroupInput,
  groupBody,
  readGroup,
} from './group.js';

export const verb = defineVerb<GroupInput>({
  effect: 'write',
  args: [{ name: 'id', description: 'group id' }],
  options: GROUP_OPTIONS,
  description: '--filter replaces all the filters; --expected the count.',
  examples: [
    'ece proxies filtered-groups update zone-1 --expected 2',
    'ece proxies filtered-groups update edge -f edge-group.json',
  ],
  input(raw) {
    const input = raw as unknown as GroupInput;
    checkFlags(input);
    if (!input.file && input.filter.length === 0 && input.expected === undefined)
      throw new UsageError('nothing to update: give -f FILE, --filter or --expected');
    return input;
  },
  async plan(input, ctx) {
    const { group, version } = readGroup(await getFilteredGroup(await ctx.api(), input.id));
    return {
      writes: [updateFilteredGroupRequest(input.id, await groupBody(ctx, input, group), version)],
      hint: changedHint(input.id),
      done: `Updated filtered group ${input.id}.`,
    };
  },
});
