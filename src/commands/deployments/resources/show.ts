// `ece deployments resource show`: one resource of a deployment on its own
// (GET /deployments/{id}/{kind}/{ref_id}, the second curl of Elastic's
// "checking on progress" tutorial): as GET /deployments/{id} lists it.

import { getResource } from '../../../api/resources.js';
import { fieldsView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { checkKind, KIND_HELP, oneResource } from '../resource.js';
import { DEPLOYMENT_ARG, type OneResourceInput, REF_ID_OPTION } from './common.js';

interface Info {
  ref_id?: string;
  id?: string;
  region?: string;
  info?: {
    status?: string;
    healthy?: boolean;
    plan_info?: { current?: { plan?: Record<string, { version?: string }> }; pending?: unknown };
    topology?: { instances?: unknown[] };
  };
}

export const verb = defineVerb<
  OneResourceInput & { planLogs?: boolean; planHistory?: boolean; settings?: boolean }
>({
  effect: 'read',
  args: [DEPLOYMENT_ARG],
  options: [
    { flags: '--kind <kind>', description: KIND_HELP, default: 'elasticsearch' },
    REF_ID_OPTION,
    { flags: '--plan-logs', description: 'include plan attempt logs (show_plan_logs)' },
    { flags: '--plan-history', description: 'include the plan history (show_plan_history)' },
    { flags: '--settings', description: 'include settings (show_settings)' },
  ],
  description: `On a terminal and piped: its fields (ref_id, id, status, healthy, version,
pending plan, instances). --json prints the body of GET
/deployments/{id}/{kind}/{ref_id} as curl gets it (ECE's defaults: current and
pending plans).`,
  examples: [
    'ece deployments resource show prod-logs',
    'ece deployments resource show prod-logs --kind kibana --json',
    "ece deployments resource show prod-logs --query 'info.plan_info.pending.plan_attempt_log'",
  ],
  async plan(input, ctx) {
    const t = await oneResource(ctx, input.deployment, checkKind(input.kind), input.refId);
    const res = await getResource(t.api, t.id, t.kind, t.refId, {
      logs: input.planLogs === true,
      history: input.planHistory === true,
      settings: input.settings === true,
    });
    const kind = t.kind;
    return {
      output: {
        body: res,
        view: fieldsView<Info>([
          ['KIND', () => kind],
          ['REF_ID', (r) => r.ref_id],
          ['ID', (r) => r.id],
          ['REGION', (r) => r.region],
          ['STATUS', (r) => r.info?.status],
          ['HEALTHY', (r) => r.info?.healthy],
          ['VERSION', (r) => r.info?.plan_info?.current?.plan?.[kind]?.version],
          ['PENDING_PLAN', (r) => r.info?.plan_info?.pending !== undefined],
          ['INSTANCES', (r) => r.info?.topology?.instances?.length],
        ]),
      },
    };
  },
});
