// `ece deployments resource delete`: remove one shut-down stateless resource
// (Kibana, APM, Integrations Server, Enterprise Search, App Search) from a
// deployment, configuration history included. Elasticsearch cannot be
// deleted on its own: that is deleting the deployment. Asks first.

import { resourceDeleteRequest, STATELESS_KINDS } from '../../../api/resources.js';
import { UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import { KIND_HELP, oneResource } from '../resource.js';
import { DEPLOYMENT_ARG, type OneResourceInput, REF_ID_OPTION } from './common.js';

export const verb = defineVerb<OneResourceInput>({
  effect: 'destructive',
  args: [DEPLOYMENT_ARG],
  options: [
    {
      flags: '--kind <kind>',
      description: KIND_HELP.replace('elasticsearch, ', ''),
      required: true,
    },
    REF_ID_OPTION,
  ],
  description: `The resource must be shut down first (ece deployments resource shutdown).`,
  examples: [
    'ece deployments resource shutdown prod-logs --kind apm --yes --wait && ece deployments resource delete prod-logs --kind apm --yes',
  ],
  input(raw) {
    const input = raw as unknown as OneResourceInput;
    if (input.kind === 'elasticsearch')
      throw new UsageError(
        'Elasticsearch cannot be deleted on its own: shut down and delete the deployment instead',
      );
    if (!(STATELESS_KINDS as readonly string[]).includes(input.kind))
      throw new UsageError(`invalid --kind "${input.kind}" (valid: ${STATELESS_KINDS.join(', ')})`);
    return input;
  },
  async plan(input, ctx) {
    const t = await oneResource(ctx, input.deployment, input.kind, input.refId);
    return {
      writes: [resourceDeleteRequest(t.id, t.kind, t.refId)],
      confirm: `Delete ${t.label} for good? Its configuration and plan history go too.`,
      done: `Deleted ${t.label}.`,
      hint: (err) =>
        err.errors.some((e) => e.code === 'deployments.resource_has_instances')
          ? `shut it down first: ece deployments resource shutdown ${t.id} --kind ${t.kind} --ref-id ${t.refId} --wait`
          : undefined,
    };
  },
});
