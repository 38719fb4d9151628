// `ece deployments plan watch`: re-attaches to the plans that run now, with
// the progress and exit codes of --wait (0, 7 failed, 8 deadline, 130 Ctrl-C).
// The pending attempts found by one read are "ours", as if this run had
// started them; with none pending it says so and exits 0.

import { parseBody } from '../../../api/body.js';
import { getDeployment } from '../../../api/deployments.js';
import { pendingTargets } from '../../../api/plan-history.js';
import { defineVerb } from '../../run/types.js';
import { DEFAULT_WAIT_TIMEOUT, waitTimeoutMs } from '../../run/wait-flags.js';
import { resolveDeployment } from '../resolve.js';
import { deploymentFor, FILTER_OPTIONS, type FilterFlags, filterOf } from './common.js';

export const verb = defineVerb<FilterFlags & { deployment: string; waitTimeout?: string }>({
  effect: 'read',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    ...FILTER_OPTIONS,
    {
      flags: '--wait-timeout <duration>',
      description: 'give up watching after this long (exit 8)',
      default: DEFAULT_WAIT_TIMEOUT,
    },
  ],
  description: `Progress on stderr as with --wait. Exit 0 when every plan succeeded (or none
runs: then it says so), 7 when one failed, 8 at --wait-timeout, 130 on Ctrl-C
(the plans go on in ECE).`,
  examples: [
    'ece deployments plan watch prod-logs',
    'ece deployments plan watch prod-logs --kind kibana --wait-timeout 10m',
  ],
  async plan(input, ctx) {
    const filter = filterOf(input);
    const timeoutMs = waitTimeoutMs({ ...input, wait: true });
    const api = await ctx.api();
    const { id } = await resolveDeployment(api, input.deployment);
    const d = deploymentFor(
      parseBody<unknown>(await getDeployment(api, id, { plans: true, history: true })),
      filter,
    );
    const targets = pendingTargets(d, filter);
    if (targets.length === 0) {
      const which = [filter.kind, filter.refId].filter(Boolean).join(' ');
      return {
        done: `No plan is running on ${which ? `${which} of ` : ''}deployment ${d.name} (${id}); see \`ece deployments plan history ${id}\`.`,
      };
    }
    // The pending attempts found by that read are followed as if this run had started them.
    return { wait: { deployment: id, timeoutMs, targets: () => targets } };
  },
});
