// `ece deployments resource overrides`: override the size of an Elasticsearch
// resource's instances (memory, and the disk quota's multiplier of it)
// without a plan, e.g. to get a struggling node through a recovery. ECE
// resets overrides at the resource's next plan. Every instance, or those
// named with --instance.

import {
  instanceOverridesRequest,
  type Overrides,
  overridesRequest,
} from '../../../api/resources.js';
import { UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import { formatSize, parseSize } from '../resize.js';
import { oneResource } from '../resource.js';
import { DEPLOYMENT_ARG, REF_ID_OPTION } from './common.js';

interface Input {
  deployment: string;
  refId?: string;
  instance: string[];
  size?: string;
  storageMultiplier?: string;
  restart?: boolean;
  ignoreMissing?: boolean;
}

export const verb = defineVerb<Input & { overrides: Overrides }>({
  effect: 'write',
  args: [DEPLOYMENT_ARG],
  options: [
    REF_ID_OPTION,
    {
      flags: '--instance <name>',
      description: 'only this instance (repeat for several; default: every instance)',
      repeatable: true,
    },
    { flags: '--size <size>', description: "the instances' memory, like 8g or 4096m" },
    {
      flags: '--storage-multiplier <n>',
      description: 'the disk quota as a multiple of the memory (e.g. 32)',
    },
    { flags: '--restart', description: 'restart the instances so that the memory applies now' },
    {
      flags: '--ignore-missing',
      description: 'with --instance: skip instances that do not exist instead of failing',
    },
  ],
  description: `Elasticsearch only (ECE supports no other kind). A memory override takes
effect at the instance's next restart (--restart does it now). The next plan
of the resource resets every override. --json prints ECE's answer.`,
  examples: [
    'ece deployments resource overrides prod-logs --instance instance-0000000001 --size 16g --restart',
    'ece deployments resource overrides prod-logs --storage-multiplier 48',
  ],
  input(raw) {
    const input = raw as unknown as Input;
    const overrides: Overrides = {};
    if (input.size !== undefined) overrides.capacity = parseSize(input.size);
    if (input.storageMultiplier !== undefined) {
      const n = Number(input.storageMultiplier);
      if (!(n > 0) || input.storageMultiplier.trim() === '')
        throw new UsageError(
          `invalid --storage-multiplier "${input.storageMultiplier}": give a number above 0`,
        );
      overrides.storage_multiplier = n;
    }
    if (Object.keys(overrides).length === 0)
      throw new UsageError('give --size, --storage-multiplier or both');
    if (input.ignoreMissing && input.instance.length === 0)
      throw new UsageError('--ignore-missing goes with --instance');
    return { ...input, overrides };
  },
  async plan(input, ctx) {
    const t = await oneResource(ctx, input.deployment, 'elasticsearch', input.refId);
    const some = input.instance.length > 0;
    const o = input.overrides;
    const what = [
      ...(o.capacity === undefined ? [] : [`memory ${formatSize(o.capacity)}`]),
      ...(o.storage_multiplier === undefined ? [] : [`storage multiplier ${o.storage_multiplier}`]),
    ].join(', ');
    return {
      writes: [
        some
          ? instanceOverridesRequest(t.id, t.kind, t.refId, input.instance, o, {
              restart: input.restart === true,
              ignoreMissing: input.ignoreMissing === true,
            })
          : overridesRequest(t.id, t.kind, t.refId, o, input.restart === true),
      ],
      done: `Overrode ${what} for ${some ? input.instance.join(', ') : 'every instance'} of ${t.label}${input.restart ? ', restarting them' : ''}.`,
    };
  },
});
