// `ece security deployment show`: the security deployment (the system
// deployment that holds the platform's realms): its version, status, health.

import { getSecurityDeployment } from '../../../api/security.js';
import { type Column, fieldsView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';

interface SecurityDeployment {
  deployment_id?: string;
  cluster_id: string;
  name: string;
  version?: string;
  status: string;
  has_pending_plan: boolean;
  is_healthy: boolean;
  is_enabled: boolean;
}

const columns: Column<SecurityDeployment>[] = [
  ['DEPLOYMENT', (d) => d.deployment_id],
  ['NAME', (d) => d.name],
  ['CLUSTER', (d) => d.cluster_id],
  ['VERSION', (d) => d.version],
  ['STATUS', (d) => d.status],
  ['HEALTHY', (d) => d.is_healthy],
  ['ENABLED', (d) => d.is_enabled],
  ['PENDING_PLAN', (d) => d.has_pending_plan],
];

export const verb = defineVerb({
  effect: 'read',
  description: 'Exit 3 when the installation has no security deployment.',
  examples: ['ece security deployment show', 'ece security deployment show --query version'],
  async plan(_input, ctx) {
    const res = await getSecurityDeployment(await ctx.api());
    return { output: { body: res, view: fieldsView(columns) } };
  },
});
