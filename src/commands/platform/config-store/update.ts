// `ece platform config-store update <name> --value V`: reads the option
// (it must exist), then PUTs the new value with the version read: a change
// made in between is refused (409, exit 5), never overwritten.

import {
  getConfigStoreOption,
  updateConfigStoreOptionRequest,
} from '../../../api/platform-config.js';
import { defineVerb } from '../../run/types.js';
import { changedSinceRead, versionOf } from '../../run/version-conflict.js';
import { NAME_ARG, readValue, VALUE_OPTIONS, type ValueInput, valueInput } from './value.js';

export const verb = defineVerb<ValueInput>({
  effect: 'write',
  args: [NAME_ARG],
  options: VALUE_OPTIONS,
  exclusive: [['value', 'valueFile']],
  description: `The option is read first and written with the version read (?version=):
if someone changed it in between, ECE refuses (exit 5) and nothing is lost.`,
  examples: ['ece platform config-store update my-option --value 43'],
  input: valueInput,
  async plan(input, ctx) {
    const value = await readValue(ctx.io, input);
    const current = await getConfigStoreOption(await ctx.api(), input.name);
    return {
      writes: [updateConfigStoreOptionRequest(input.name, value, versionOf(current))],
      fail: changedSinceRead(
        `config store option ${input.name}`,
        `ece platform config-store show ${input.name}`,
      ),
      done: `Updated config store option ${input.name}.`,
    };
  },
});
