// `ece deployments restart`: restart the instances of one resource. For
// Elasticsearch, the options of Elastic's restart docs: a snapshot first
// (ECE skips it unless asked), how instances are grouped, how long to wait
// for shards, and whether a shut-down resource restores its snapshot.

import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors.js';
import { defineVerb, type Raw } from '../run/types.js';
import { RESOURCE_ARGS, RESOURCE_OPTIONS, type ResourceInput, resourcePlan } from './resource.js';

export const verb = defineVerb<ResourceInput>({
  effect: 'write',
  waits: true,
  args: RESOURCE_ARGS,
  options: [
    ...RESOURCE_OPTIONS,
    {
      flags: '--cancel-pending',
      description: 'cancel a pending plan of the resource first (ECE refuses otherwise)',
    },
    {
      flags: '--snapshot',
      description: 'Elasticsearch: take a snapshot before restarting (ECE skips it by default)',
    },
    {
      flags: '--group-attribute <attr>',
      description:
        "Elasticsearch: restart in groups by __zone__ (ECE's default), __all__ at once, __name__ one at a time, or instance attributes",
    },
    {
      flags: '--shard-init-wait-time <duration>',
      description: "Elasticsearch: how long to wait for shards to initialise (ECE's default 10m)",
    },
    {
      flags: '--no-restore-snapshot',
      description: 'Elasticsearch: do not restore the snapshot of a resource that was shut down',
    },
  ],
  description: `--snapshot, --group-attribute, --shard-init-wait-time and
--no-restore-snapshot are Elasticsearch's (the restart API of the other kinds
takes none of them).`,
  examples: [
    'ece deployments restart prod-logs --kind kibana --wait',
    'ece deployments restart prod-logs --ref-id _main --cancel-pending',
    'ece deployments restart prod-logs --snapshot --group-attribute __name__ --wait',
  ],
  input: (raw: Raw): ResourceInput => {
    const input = raw as unknown as ResourceInput & {
      snapshot?: boolean;
      groupAttribute?: string;
      shardInitWaitTime?: string;
      restoreSnapshot?: boolean;
    };
    const restart: NonNullable<ResourceInput['restart']> = {};
    const given: string[] = [];
    if (input.snapshot) {
      restart.snapshot = true;
      given.push('--snapshot');
    }
    if (input.groupAttribute !== undefined) {
      if (input.groupAttribute.trim() === '')
        throw new UsageError(
          '--group-attribute needs a value: __zone__, __all__, __name__ or attributes',
        );
      restart.groupAttribute = input.groupAttribute;
      given.push('--group-attribute');
    }
    if (input.shardInitWaitTime !== undefined) {
      const ms = parseDuration(input.shardInitWaitTime, '--shard-init-wait-time');
      if (ms % 1000 !== 0 || ms < 1000)
        throw new UsageError(
          `invalid --shard-init-wait-time "${input.shardInitWaitTime}": use whole seconds, e.g. 600s or 15m`,
        );
      restart.shardInitWaitSeconds = ms / 1000;
      given.push('--shard-init-wait-time');
    }
    if (input.restoreSnapshot === false) {
      restart.noRestoreSnapshot = true;
      given.push('--no-restore-snapshot');
    }
    const kind = input.kind ?? 'elasticsearch';
    if (given.length && kind !== 'elasticsearch')
      throw new UsageError(
        `${given[0]} is for --kind elasticsearch; the ${kind} restart takes no such option`,
      );
    return { ...input, restart };
  },
  plan: (input, ctx) => resourcePlan(input, 'restart', ctx),
});
