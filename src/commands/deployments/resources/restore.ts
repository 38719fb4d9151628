// `ece deployments resource restore`: bring back one shut-down resource of a
// deployment (Elasticsearch with its last snapshot when --restore-snapshot).

import { resourceRestoreRequest } from '../../../api/resources.js';
import { defineVerb } from '../../run/types.js';
import { checkKind, followOne, oneResource } from '../resource.js';
import { DEPLOYMENT_ARG, KIND_OPTION, type OneResourceInput, REF_ID_OPTION } from './common.js';

export const verb = defineVerb<OneResourceInput & { restoreSnapshot?: boolean }>({
  effect: 'write',
  waits: true,
  args: [DEPLOYMENT_ARG],
  options: [
    KIND_OPTION,
    REF_ID_OPTION,
    {
      flags: '--restore-snapshot',
      description: 'Elasticsearch: restore its latest snapshot too',
    },
  ],
  description: `ECE refuses a resource that is not shut down (exit 5).`,
  examples: [
    'ece deployments resource restore prod-logs --kind apm --wait',
    'ece deployments resource restore prod-logs --kind elasticsearch --restore-snapshot --wait',
  ],
  async plan(input, ctx) {
    const kind = checkKind(input.kind);
    if (input.restoreSnapshot && kind !== 'elasticsearch')
      ctx.warn(`--restore-snapshot has no effect on ${kind}: only Elasticsearch has snapshots`);
    const t = await oneResource(ctx, input.deployment, kind, input.refId);
    return {
      writes: [
        resourceRestoreRequest(t.id, t.kind, t.refId, { restoreSnapshot: input.restoreSnapshot }),
      ],
      done: `Restoring ${t.label}.`,
      hint: (err) =>
        err.errors.some((e) => e.code === 'deployments.resource_not_shutdown')
          ? `it is running: only a shut-down resource can be restored (ece deployments resource show ${t.id} --kind ${t.kind})`
          : undefined,
      wait: followOne(t.api, t.id, t.kind, t.refId),
    };
  },
});
