// The installation's ECE version for a command: remembered per profile and
// origin for a day (config/platform.ts), else read from GET /platform. A dry
// run reads nothing (its first request is the one it shows): only what is
// remembered counts there.

import type { ApiClient } from '../api/client.js';
import { readPlatformVersion, unsupported } from '../api/versions.js';
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

/**
 * Says so before sending an operation that the installation's version lacks
 * (per src/api/versions.ts). Uses a remembered version only — it never costs
 * a request — and still sends: ECE's own answer is the final word.
 */
export function warnIfUnsupported(
  ctx: Context,
  api: ApiClient,
  method: string,
  template: string,
): void {
  const version = remembered(ctx.configDir(), ctx.profile().name, api.endpoint.origin);
  const why = version ? unsupported(version, method, template) : undefined;
  if (why) ctx.warn(`${why}; sending it anyway`);
}
