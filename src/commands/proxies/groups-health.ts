// `ece proxies filtered-groups health <id> [--expect green]`.

import { getFilteredGroupHealth } from '../../api/proxies.js';
import { type Column, fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import type { FilteredGroup } from './group.js';
import { EXPECT_OPTION, expectOf, healthPlan } from './health.js';

interface GroupHealth {
  group: FilteredGroup;
  observed_proxies_count: number;
  status: string;
}

const columns: Column<GroupHealth>[] = [
  ['ID', (h) => h.group.id],
  ['STATUS', (h) => h.status],
  ['PROXIES', (h) => h.observed_proxies_count],
  ['EXPECTED', (h) => h.group.expected_proxies_count],
];

export const verb = defineVerb<{ id: string; expect?: string }>({
  effect: 'read',
  args: [{ name: 'id', description: 'group id' }],
  options: [EXPECT_OPTION],
  description: 'Exit 10 when --expect is given and the health is worse than it.',
  examples: ['ece proxies filtered-groups health zone-1 --expect green'],
  input(raw) {
    return { id: raw.id as string, expect: expectOf(raw.expect as string | undefined) };
  },
  async plan({ id, expect }, ctx) {
    const api = await ctx.api();
    return healthPlan(
      () => getFilteredGroupHealth(api, id, expect),
      fieldsView(columns),
      `filtered group ${id}'s health`,
      expect,
    );
  },
});
