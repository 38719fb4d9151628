// `ece config show [NAME]`: the settings of a profile.

import { PROFILE_KEYS } from '../../config/store.js';
import { UsageError } from '../../errors.js';
import { stringifyLossless } from '../../lossless.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb<{ name?: string }>({
  effect: 'read',
  args: [{ name: 'name', description: 'profile name', required: false }],
  examples: ['ece config show', 'ece config show lab --json'],
  async plan({ name }, ctx) {
    const config = ctx.config();
    const target = name ?? ctx.profile().name;
    const profile = config.profiles?.[target];
    if (name !== undefined && profile === undefined) {
      const known = Object.keys(config.profiles ?? {});
      throw new UsageError(
        `profile "${name}" does not exist${known.length ? ` (profiles: ${known.join(', ')})` : ''}`,
      );
    }
    const p = profile ?? {};
    const rows = [...PROFILE_KEYS, 'credential' as const].map((k) => [
      k,
      p[k] === undefined ? '-' : String(p[k]),
    ]);
    return {
      output: {
        // Not ECE's answer: the profile as JSON, for --json, -o yaml and --query.
        body: `${stringifyLossless({ name: target, ...p }, 2)}\n`,
        print: (renderer) => renderer.grid({ headers: ['KEY', 'VALUE'], rows }),
      },
    };
  },
});
