// `ece proxies health [--expect green]`: how many proxies there are against
// how many are expected, and each filtered group's health.

import { getProxiesHealth } from '../../api/proxies.js';
import { type Column, fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { EXPECT_OPTION, expectOf, healthPlan } from './health.js';

interface ProxiesHealth {
  status: string;
  observed_proxies_count: number;
  expected_proxies_count: number;
  filtered_groups: { group: { id?: string }; status: string }[];
}

const columns: Column<ProxiesHealth>[] = [
  ['STATUS', (h) => h.status],
  ['PROXIES', (h) => h.observed_proxies_count],
  ['EXPECTED', (h) => h.expected_proxies_count],
  ['GROUPS', (h) => h.filtered_groups.map((g) => `${g.group.id ?? '?'}=${g.status}`)],
];

export const verb = defineVerb<{ expect?: string }>({
  effect: 'read',
  options: [EXPECT_OPTION],
  description: 'Exit 10 when --expect is given and the health is worse than it.',
  examples: ['ece proxies health', 'ece proxies health --expect green --query status'],
  input(raw) {
    return { expect: expectOf(raw.expect as string | undefined) };
  },
  async plan({ expect }, ctx) {
    const api = await ctx.api();
    return healthPlan(
      () => getProxiesHealth(api, expect),
      fieldsView(columns),
      "the proxies' health",
      expect,
    );
  },
});
