// `ece deployments instances move`: move Elasticsearch instances to other
// allocators (the API's move exists for Elasticsearch only and takes explicit
// instance names). --to names the preferred allocators, sent in the body as
// plan_configuration.preferred_allocators; each is checked to exist first.
// ECE runs a plan for the move: --wait follows it (exit 7/8/130).

import { moveRequest } from '../../../api/instances.js';
import { type Before, NOTHING_BEFORE, snapshot } from '../../../api/plans.js';
import { getAllocator } from '../../../api/platform.js';
import { ApiError, CliError, ExitCode, UsageError } from '../../../errors.js';
import { sanitize } from '../../../output/sanitize.js';
import { defineVerb } from '../../run/types.js';
import { resolveDeployment } from '../resolve.js';
import { checkInstances, pickResource, readInstances } from './common.js';

export interface MoveInput {
  deployment: string;
  instances: string[];
  refId?: string;
  to?: string[];
}

export const verb = defineVerb<MoveInput>({
  effect: 'destructive',
  waits: true,
  args: [
    { name: 'deployment', description: 'deployment id or exact name' },
    {
      name: 'instances',
      description: 'Elasticsearch instance names, as `instances list` shows them',
      variadic: true,
    },
  ],
  options: [
    {
      flags: '--ref-id <ref-id>',
      description: 'which Elasticsearch resource (needed only when there are several)',
    },
    {
      flags: '--to <allocators...>',
      description: 'preferred target allocator ids (default: ECE chooses)',
    },
  ],
  description: `ECE moves the instances with a plan: it starts new instances on the target
allocators, migrates the data and removes the old ones. Without --to, ECE
chooses the allocators. Only Elasticsearch instances can be moved.`,
  examples: [
    'ece deployments instances move prod-logs instance-0000000001 --yes --wait',
    'ece deployments instances move prod-logs instance-0000000000 instance-0000000001 --to 192.168.44.12 --yes',
    'ece deployments instances move prod-logs instance-0000000001 --to 192.168.44.12 --dry-run',
  ],
  input(raw) {
    const input = raw as unknown as MoveInput;
    for (const n of input.instances)
      if (n.trim() === '' || n.includes(',')) throw new UsageError(`invalid instance name "${n}"`);
    const to = [...new Set(input.to ?? [])];
    for (const a of to) if (a.trim() === '') throw new UsageError('--to needs an allocator id');
    return { ...input, to };
  },
  async plan(input, ctx) {
    const to = input.to ?? [];
    const api = await ctx.api();
    const { id } = await resolveDeployment(api, input.deployment);
    const d = await readInstances(api, id);
    const r = pickResource(d, 'elasticsearch', input.refId);
    const chosen = checkInstances(d, r, input.instances);
    for (const allocator of to) {
      try {
        await getAllocator(api, allocator);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404)
          throw new CliError(`allocator "${allocator}" does not exist`, ExitCode.NOT_FOUND);
        throw err;
      }
    }
    const from = chosen.map((n) => {
      const at = r.instances.find((i) => i.instance_name === n)?.allocator_id;
      return at ? `${n} (on ${at})` : n;
    });
    const where = to.length ? `to ${to.join(', ')}` : 'to allocators ECE chooses';
    let before = new Map<string, Before>();
    return {
      writes: [moveRequest(id, r.refId, chosen, { to })],
      confirm: sanitize(
        `Move ${from.join(', ')} of elasticsearch ${r.refId} in deployment ${d.label} ${where}? ECE runs a plan that migrates their data.`,
      ),
      done: `Moving ${chosen.join(', ')} of elasticsearch ${r.refId} in deployment ${d.label} ${where}.`,
      wait: {
        deployment: id,
        before: async () => {
          before = await snapshot(api, id);
        },
        targets: () => [
          {
            kind: 'elasticsearch',
            refId: r.refId,
            before: before.get(`elasticsearch/${r.refId}`) ?? NOTHING_BEFORE,
          },
        ],
      },
    };
  },
});
