// `ece platform config-store create <name> --value V`: a new option (POST;
// ECE refuses a taken name with 400, exit 5: use update).

import { createConfigStoreOptionRequest } from '../../../api/platform-config.js';
import { defineVerb } from '../../run/types.js';
import { NAME_ARG, readValue, VALUE_OPTIONS, type ValueInput, valueInput } from './value.js';

export const verb = defineVerb<ValueInput>({
  effect: 'write',
  args: [NAME_ARG],
  options: VALUE_OPTIONS,
  exclusive: [['value', 'valueFile']],
  examples: [
    'ece platform config-store create my-option --value 42',
    'ece platform config-store create my-option --value-file option.txt',
  ],
  input: valueInput,
  async plan(input, ctx) {
    const value = await readValue(ctx.io, input);
    return {
      writes: [createConfigStoreOptionRequest(input.name, value)],
      hint: (err) =>
        err.errors.some((e) => e.code === 'platform.config.store.already_exists')
          ? `it exists: change it with ece platform config-store update ${input.name}`
          : undefined,
      done: `Created config store option ${input.name}.`,
    };
  },
});
