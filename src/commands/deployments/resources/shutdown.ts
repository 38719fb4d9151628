// `ece deployments resource shutdown`: shut down one resource of a
// deployment (its instances stop; its configuration is kept, and `resource
// restore` brings it back). Elasticsearch has its own operation, the other
// kinds share the stateless one. Asks first.

import { resourceShutdownRequest } from '../../../api/resources.js';
import { defineVerb } from '../../run/types.js';
import { checkKind, followOne, oneResource } from '../resource.js';
import { DEPLOYMENT_ARG, KIND_OPTION, type OneResourceInput, REF_ID_OPTION } from './common.js';

export const verb = defineVerb<OneResourceInput & { skipSnapshot?: boolean; hide?: boolean }>({
  effect: 'destructive',
  waits: true,
  args: [DEPLOYMENT_ARG],
  options: [
    KIND_OPTION,
    REF_ID_OPTION,
    {
      flags: '--skip-snapshot',
      description: 'Elasticsearch: do not take a snapshot before shutting down',
    },
    { flags: '--hide', description: 'hide it from listings (platform administrators only)' },
  ],
  description: `The deployment's other resources keep running. To shut the whole deployment
down, use \`ece deployments shutdown\`; to stop instances without a plan, \`ece
deployments stop\`.`,
  examples: [
    'ece deployments resource shutdown prod-logs --kind apm --yes --wait',
    'ece deployments resource shutdown prod-logs --kind kibana --ref-id main-kibana --yes',
  ],
  async plan(input, ctx) {
    const t = await oneResource(ctx, input.deployment, checkKind(input.kind), input.refId);
    return {
      writes: [
        resourceShutdownRequest(t.id, t.kind, t.refId, {
          skipSnapshot: input.skipSnapshot,
          hide: input.hide,
        }),
      ],
      confirm: `Shut down ${t.label}? Its instances stop until it is restored.`,
      done: `Shutting down ${t.label}.`,
      wait: followOne(t.api, t.id, t.kind, t.refId),
    };
  },
});
