// `ece deployments upgrade-assistant <d>`: whether the deployment is ready
// for the next major version, as Kibana's Upgrade Assistant says (the
// deprecations it found). --check makes the answer the exit code, for CI.

import { parseBody } from '../../api/body.js';
import { getUpgradeAssistantStatus } from '../../api/resources.js';
import { CliError, ExitCode } from '../../errors.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { target } from './target.js';

interface Status {
  ready_for_upgrade?: boolean;
  details?: string;
}

export const verb = defineVerb<{ deployment: string; check?: boolean }>({
  effect: 'read',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    {
      flags: '--check',
      description: 'exit 10 when it is not ready (a gate, as versions --below)',
    },
  ],
  description: `Fields READY and DETAILS; --json prints ECE's answer.`,
  examples: [
    'ece deployments upgrade-assistant prod-logs',
    'ece deployments upgrade-assistant prod-logs --check && ece deployments upgrade prod-logs --version 9.1.0 --yes',
  ],
  async plan(input, ctx) {
    const { api, id, label } = await target(ctx, input.deployment);
    const res = await getUpgradeAssistantStatus(api, id);
    const ready = parseBody<Status>(res).ready_for_upgrade === true;
    return {
      output: {
        body: res,
        view: fieldsView<Status>([
          ['READY', (s) => s.ready_for_upgrade],
          ['DETAILS', (s) => s.details],
        ]),
      },
      ...(input.check && !ready
        ? {
            done: () => {
              throw new CliError(
                `deployment ${label} is not ready for the upgrade`,
                ExitCode.DIFFERENCES,
              );
            },
          }
        : {}),
    };
  },
});
