// `ece deployments reset-apm-token <d>`: a new secret token for an APM
// resource (agents that send the old one are refused once the plan that
// applies it finishes), so it asks first. As reset-password: the token is
// printed once, on stdout only, and masked everywhere else.

import { parseBody } from '../../api/body.js';
import { resetApmTokenRequest } from '../../api/resources.js';
import { ResponseError } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import { followOne, oneResource } from './resource.js';

export const verb = defineVerb<{ deployment: string; refId?: string }>({
  effect: 'destructive',
  waits: true,
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    { flags: '--ref-id <ref_id>', description: 'the APM resource, when there are several' },
  ],
  description: `The new token is printed once, on stdout, and nowhere else: store it now.
--json prints ECE's answer ({"apm_id": …, "secret_token": …}). ECE applies it
with a plan on the APM resource (--wait follows it). ECE refuses an APM
managed by Elastic Agent (Integrations Server): exit 5.`,
  examples: [
    'ece deployments reset-apm-token prod-logs --yes > apm-token.txt',
    'ece deployments reset-apm-token prod-logs --json --yes | jq -r .secret_token',
  ],
  async plan(input, ctx) {
    const t = await oneResource(ctx, input.deployment, 'apm', input.refId);
    return {
      writes: [resetApmTokenRequest(t.id, t.refId)],
      confirm: `Reset the secret token of ${t.label}? APM agents using the old one are refused.`,
      // The token is masked everywhere from here on but on stdout, where it is printed once.
      output: ([res]) => {
        if (!res) throw new ResponseError('unexpected response from ECE: no answer');
        const token = parseBody<{ secret_token?: unknown }>(res).secret_token;
        if (typeof token !== 'string' || token === '')
          throw new ResponseError('unexpected response from ECE: no secret_token in the answer');
        t.api.addSecret(token);
        ctx.reveal(token);
        return { body: res, print: (_renderer, io) => void io.stdout.write(`${token}\n`) };
      },
      done: `Reset the secret token of ${t.label}. Store it now: ECE will not show it again.`,
      wait: followOne(t.api, t.id, 'apm', t.refId),
    };
  },
});
