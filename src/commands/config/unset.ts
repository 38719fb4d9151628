// `ece config unset KEY`: remove a setting from the active profile.

import type { ProfileKey } from '../../config/store.js';
import { openConfig, targetProfile } from '../../config/write.js';
import { checkKey } from '../profile-keys.js';
import { defineVerb } from '../run/types.js';
import { explicitProfile, KEYS_HELP, notChanged } from './local.js';

export const verb = defineVerb<{ key: ProfileKey }>({
  effect: 'write',
  args: [{ name: 'key', description: 'setting name' }],
  description: KEYS_HELP.trimStart(),
  examples: ['ece config unset insecure'],
  input: (raw) => ({ key: checkKey(raw.key as string) }),
  async plan({ key }, ctx) {
    let name = '';
    return {
      local: {
        // The file is opened only when the change is made: a dry run reads nothing.
        apply: async () => {
          const config = await openConfig(ctx.configDir());
          name = targetProfile(config.data(), explicitProfile(ctx));
          config.update((d) => {
            const p = d.profiles?.[name];
            if (p) delete p[key];
          });
        },
        dryRun: notChanged('unset'),
      },
      done: () => `Unset ${key} of profile "${name}".`,
    };
  },
});
