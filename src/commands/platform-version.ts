// The installation's ECE version for a command: remembered per profile and
// origin for a day (config/platform.ts), else read from GET /platform. A dry
// run reads nothing (its first request is the one it shows): only what is
// remembered counts there.

import type { ApiClient } from '../api/client.js';
import { readPlatformVersion } from '../api/versions.js';
import { platformVersion, remembered } from '../config/platform.js';
import type { Context } from '../context.js';
import { InterruptedError } from '../errors.js';

export async function installationVersion(
  ctx: Context,
  api: ApiClient,
  profile = ctx.profile().name,
): Promise<string | undefined> {
  const origin = api.endpoint.origin;
  if (ctx.flags.dryRun) return remembered(ctx.configDir(), profile, origin);
  return platformVersion({
    dir: ctx.configDir(),
    profile,
    origin,
    load: async () => {
      try {
        return await readPlatformVersion(api);
      } catch (err) {
        // Unknown is an answer: the callers then do what works everywhere.
        if (err instanceof InterruptedError) throw err;
        return undefined;
      }
    },
  });
}
