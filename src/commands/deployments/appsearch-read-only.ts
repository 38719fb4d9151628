// `ece deployments appsearch-read-only <d> [on|off]`: App Search's read-only
// mode (for a migration or an upgrade): without a state, shows it; on or
// off sets it. Either way ECE answers {"enabled": …}.

import { parseBody } from '../../api/body.js';
import { appSearchReadOnlyRequest, getAppSearchReadOnly } from '../../api/resources.js';
import { fieldsView, type View } from '../../output/views.js';
import { parseState, STATE_ARG } from '../run/on-off.js';
import { defineVerb } from '../run/types.js';
import { oneResource } from './resource.js';

interface Input {
  deployment: string;
  /** Undefined: show the mode. */
  on?: boolean;
  refId?: string;
}

const VIEW: View = fieldsView<{ enabled?: boolean }>([['READ_ONLY', (b) => b.enabled]]);

export const verb = defineVerb<Input>({
  effect: 'write',
  effectOf: (input) => (input.on === undefined ? 'read' : 'write'),
  args: [
    { name: 'deployment', description: 'deployment id or exact name' },
    { ...STATE_ARG, required: false },
  ],
  options: [
    { flags: '--ref-id <ref_id>', description: 'the App Search resource, when there are several' },
  ],
  description: `Without on|off: shows the mode (READ_ONLY yes or no). --json prints ECE's
answer ({"enabled": true|false}).`,
  examples: [
    'ece deployments appsearch-read-only search-staging',
    'ece deployments appsearch-read-only search-staging on',
  ],
  input(raw) {
    const state = raw.state as string | undefined;
    return {
      deployment: String(raw.deployment),
      ...(state === undefined ? {} : { on: parseState(state) }),
      ...(raw.refId === undefined ? {} : { refId: String(raw.refId) }),
    };
  },
  async plan(input, ctx) {
    const t = await oneResource(ctx, input.deployment, 'appsearch', input.refId);
    if (input.on === undefined) {
      const res = await getAppSearchReadOnly(t.api, t.id, t.refId);
      return { output: { body: res, view: VIEW } };
    }
    const on = input.on;
    return {
      writes: [appSearchReadOnlyRequest(t.id, t.refId, on)],
      done: (sent) => {
        const res = sent[0];
        const enabled = res ? parseBody<{ enabled?: unknown }>(res).enabled === true : on;
        return `Read-only mode ${enabled ? 'on' : 'off'} for ${t.label}.`;
      },
    };
  },
});
