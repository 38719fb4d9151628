// `ece proxies filtered-groups create <id>`: a named set of proxies (those
// whose metadata match every filter) and how many of them there should be;
// `proxies health` reports on it.

import { createFilteredGroupRequest } from '../../api/proxies.js';
import { defineVerb } from '../run/types.js';
import { checkFlags, GROUP_OPTIONS, type GroupInput, groupBody } from './group.js';

export const verb = defineVerb<GroupInput>({
  effect: 'write',
  args: [{ name: 'id', description: 'the group id' }],
  options: GROUP_OPTIONS,
  examples: [
    'ece proxies filtered-groups create zone-1 --filter zone=ece-zone-1 --expected 1',
    'ece proxies filtered-groups create edge -f edge-group.json',
  ],
  input(raw) {
    const input = raw as unknown as GroupInput;
    checkFlags(input);
    return input;
  },
  async plan(input, ctx) {
    return {
      writes: [createFilteredGroupRequest(await groupBody(ctx, input, undefined))],
      done: `Created filtered group ${input.id}.`,
    };
  },
});
