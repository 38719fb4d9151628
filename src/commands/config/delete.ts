// `ece config delete NAME`: a profile and its stored credential. A write, not
// destructive: it touches only this machine, and `ece login` with `config set`
// makes the profile again (as kubectl's `config delete-context`, it does not ask).

import type { ProfileCredentials } from '../../auth/store.js';
import { checkProfileName, openConfig } from '../../config/write.js';
import { UsageError } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import { notChanged } from './local.js';

export const verb = defineVerb<{ name: string }>({
  effect: 'write',
  args: [{ name: 'name', description: 'profile name' }],
  examples: ['ece config delete old-lab'],
  input(raw) {
    checkProfileName(raw.name as string);
    return raw as { name: string };
  },
  async plan({ name }, ctx) {
    const config = await openConfig(ctx.configDir());
    const profile = config.data().profiles?.[name];
    if (!profile) throw new UsageError(`profile "${name}" does not exist`);
    return {
      local: {
        apply: async () => {
          if (profile.credential)
            await (ctx.store as ProfileCredentials).remove(profile.credential, name);
          config.update((d) => {
            delete d.profiles?.[name];
            if (d.current_profile === name) delete d.current_profile;
          });
        },
        dryRun: notChanged('delete'),
      },
      done: `Deleted profile "${name}"${profile.credential ? ' and its stored credential' : ''}.`,
    };
  },
});
