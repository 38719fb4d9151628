// `ece config set KEY VALUE`: a setting of the active profile (or --profile NAME, created if new).

import type { ProfileKey } from '../../config/store.js';
import { openConfig, profileOf, targetProfile } from '../../config/write.js';
import { checkKey, parseValue } from '../profile-keys.js';
import { defineVerb } from '../run/types.js';
import { explicitProfile, KEYS_HELP, notChanged } from './local.js';

export const verb = defineVerb<{ key: ProfileKey; value: unknown }>({
  effect: 'write',
  args: [
    { name: 'key', description: 'setting name' },
    { name: 'value', description: 'new value' },
  ],
  description: KEYS_HELP.trimStart(),
  examples: [
    'ece config set host ece.example.com',
    'ece config set --profile lab ca-cert ./lab-ca.pem',
  ],
  input(raw) {
    const key = checkKey(raw.key as string);
    return { key, value: parseValue(key, raw.value as string) };
  },
  async plan({ key, value }, ctx) {
    let name = '';
    return {
      local: {
        // The file is opened only when the change is made: a dry run reads nothing.
        apply: async () => {
          const config = await openConfig(ctx.configDir());
          name = targetProfile(config.data(), explicitProfile(ctx));
          config.update((d) => {
            (profileOf(d, name) as Record<string, unknown>)[key] = value;
            d.current_profile ??= name;
          });
        },
        dryRun: notChanged('set'),
      },
      done: () => `Set ${key} of profile "${name}".`,
    };
  },
});
