// `ece platform api-base-url set <url>`: a write (set it back to undo). Reads
// the current value first and sends its version (?version=): a change made
// in between is exit 5. ECE re-provisions the security deployment unless
// --skip-cascading.

import { getApiBaseUrl, setApiBaseUrlRequest } from '../../../api/platform-config.js';
import { ApiError, UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import { changedSinceRead, versionOf } from '../../run/version-conflict.js';

export const verb = defineVerb<{ url: string; skipCascading?: boolean }>({
  effect: 'write',
  args: [{ name: 'url', description: 'the base URL (https://ece.example.com:12443)' }],
  options: [
    {
      flags: '--skip-cascading',
      description: 'do not re-provision the security deployment (skip_cascading_operations)',
    },
  ],
  examples: ['ece platform api-base-url set https://ece.example.com:12443'],
  input(raw) {
    const url = String(raw.url);
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      // Not a URL: said below.
    }
    if (!ok) throw new UsageError(`invalid URL "${url}": give an http:// or https:// URL`);
    return { url, ...(raw.skipCascading === true ? { skipCascading: true } : {}) };
  },
  async plan(input, ctx) {
    const api = await ctx.api();
    const current = await getApiBaseUrl(api).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    });
    return {
      writes: [
        setApiBaseUrlRequest(input.url, {
          version: current && versionOf(current),
          skipCascading: input.skipCascading === true,
        }),
      ],
      fail: changedSinceRead('the API base URL', 'ece platform api-base-url show'),
      done: `Set the API base URL to ${input.url}.`,
    };
  },
});
