// `ece config use NAME`: make a profile the active one.

import { checkProfileName, openConfig } from '../../config/write.js';
import { UsageError } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import { notChanged } from './local.js';

export const verb = defineVerb<{ name: string }>({
  effect: 'write',
  args: [{ name: 'name', description: 'profile name' }],
  examples: ['ece config use lab'],
  input(raw) {
    checkProfileName(raw.name as string);
    return raw as { name: string };
  },
  async plan({ name }, ctx) {
    const config = await openConfig(ctx.configDir());
    const known = Object.keys(config.data().profiles ?? {});
    if (!known.includes(name)) {
      throw new UsageError(
        `profile "${name}" does not exist${known.length ? ` (profiles: ${known.join(', ')})` : ''}`,
      );
    }
    return {
      local: {
        apply: () =>
          config.update((d) => {
            d.current_profile = name;
          }),
        dryRun: notChanged('use'),
      },
      done: `Active profile: ${name}.`,
    };
  },
});
