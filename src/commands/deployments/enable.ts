// What enable-ilm, enable-slm and enable-ccr share: a one-way migration of an
// Elasticsearch resource (ECE offers no way back), applied as a plan, so each
// asks first and takes --wait; --validate-only asks ECE what would lose
// availability and changes nothing.

import type { RequestOptions } from '../../api/client.js';
import { type Before, snapshot, targetsFor } from '../../api/plans.js';
import type { Context } from '../../context.js';
import type { OptionSpec, Plan } from '../run/types.js';
import { esTarget } from './keystore/common.js';

export interface EnableInput {
  deployment: string;
  refId?: string;
  validateOnly?: boolean;
}

export const ENABLE_OPTIONS: OptionSpec[] = [
  { flags: '--ref-id <ref_id>', description: 'the Elasticsearch resource, when there are several' },
  {
    flags: '--validate-only',
    description: 'only ask ECE for warnings (what may lose availability); change nothing',
  },
];

/** The plan of one migration: what is sent, asked, said, and followed under --wait. */
export async function enablePlan(
  input: EnableInput,
  ctx: Context,
  what: string,
  request: (id: string, refId: string, validateOnly: boolean) => RequestOptions,
  alsoKibana = false,
): Promise<Plan> {
  const t = await esTarget(ctx, input.deployment, input.refId);
  const validateOnly = input.validateOnly === true;
  let before = new Map<string, Before>();
  return {
    writes: [request(t.id, t.refId, validateOnly)],
    confirm: `Enable ${what} on ${t.label}? ECE migrates it with a plan and offers no way back.`,
    done: validateOnly
      ? `ECE checked enabling ${what} on ${t.label}; nothing changed.`
      : `Enabling ${what} on ${t.label}.`,
    ...(validateOnly
      ? {}
      : {
          wait: {
            deployment: t.id,
            before: async () => {
              before = await snapshot(t.api, t.id);
            },
            // The migration plans the Elasticsearch resource (and, for CCR, its Kibana).
            targets: () =>
              targetsFor(
                [...before.keys()].filter(
                  (k) =>
                    k === `elasticsearch/${t.refId}` ||
                    (alsoKibana && k.startsWith('kibana/')) ||
                    (t.refId === '_main' && k.startsWith('elasticsearch/')),
                ),
                before,
              ),
          },
        }),
  };
}
