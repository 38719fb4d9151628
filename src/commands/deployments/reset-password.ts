// `ece deployments reset-password`: a new password for the `elastic` user of
// an Elasticsearch resource. The old one stops working, so it asks first.
// The new password is printed once, on stdout only; it is masked everywhere
// else (stderr, --verbose traces).

import { parseBody } from '../../api/body.js';
import { asDeployment, getDeployment, resetPasswordRequest } from '../../api/deployments.js';
import { CliError, ExitCode, ResponseError } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import { resolveDeployment } from './resolve.js';

export const verb = defineVerb<{ deployment: string; refId?: string }>({
  effect: 'destructive',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    {
      flags: '--ref-id <ref_id>',
      description: 'the Elasticsearch resource, when there are several',
    },
  ],
  description: `The new password is printed once, on stdout, and nowhere else: store it
now, ECE will not show it again. --json prints ECE's answer
({"username":"elastic","password":"…"}).`,
  examples: [
    'ece deployments reset-password prod-logs --yes > elastic-password.txt',
    'ece deployments reset-password prod-logs --json --yes | jq -r .password',
  ],
  async plan(input, ctx) {
    const api = await ctx.api();
    const resolved = await resolveDeployment(api, input.deployment);
    let refId = input.refId;
    let name = resolved.name ?? resolved.id;
    if (refId === undefined) {
      const d = asDeployment(
        parseBody<unknown>(await getDeployment(api, resolved.id, { plans: false })),
      );
      name = d.name;
      refId = onlyElasticsearch((d.resources.elasticsearch ?? []).map((r) => r.ref_id));
    }
    let username = 'elastic';
    return {
      writes: [resetPasswordRequest(resolved.id, refId)],
      confirm: `Reset the password of the elastic user of "${name}" (${resolved.id}, ${refId})? The old password stops working.`,
      // The password is masked everywhere from here on but on stdout, where it is printed once.
      output: ([res]) => {
        if (!res) throw new ResponseError('unexpected response from ECE: no answer');
        const body = parseBody<{ username?: unknown; password?: unknown }>(res);
        const password = body.password;
        if (typeof password !== 'string' || password === '')
          throw new ResponseError('unexpected response from ECE: no password in the answer');
        if (typeof body.username === 'string') username = body.username;
        api.addSecret(password);
        ctx.reveal(password);
        return { body: res, print: (_renderer, io) => void io.stdout.write(`${password}\n`) };
      },
      done: () =>
        `Reset the password of the ${username} user of "${name}". Store it now: ECE will not show it again.`,
    };
  },
});

function onlyElasticsearch(refIds: string[]): string {
  const [only, ...more] = refIds;
  if (only === undefined)
    throw new CliError('the deployment has no Elasticsearch resource', ExitCode.NOT_FOUND);
  if (more.length > 0) {
    throw new CliError(
      `the deployment has ${refIds.length} Elasticsearch resources; choose one with --ref-id: ${refIds.join(', ')}`,
      ExitCode.USAGE,
    );
  }
  return only;
}
