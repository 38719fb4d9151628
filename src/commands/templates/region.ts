// The `region` every deployment template operation needs: --region, else the
// installation's own region from GET /platform, read at most once per run
// (per API client). An installation with several regions must be told which.
// And a template named by its id or its name.

import { parseBody } from '../../api/body.js';
import type { ApiClient, ApiResponse } from '../../api/client.js';
import { getPlatform, getTemplate, listTemplates } from '../../api/platform.js';
import { ResponseError, UsageError } from '../../errors.js';
import { byIdOrName, unless404 } from '../run/resolve.js';
import type { OptionSpec } from '../run/types.js';

/** --region, as a declared verb's option. */
export const REGION_OPTION: OptionSpec = {
  flags: '--region <region>',
  description: "ECE region (default: the installation's, from GET /platform)",
};

const read = new WeakMap<ApiClient, Promise<string>>();

export function templateRegion(api: ApiClient, flag: string | undefined): Promise<string> {
  if (flag !== undefined) {
    if (flag.trim() === '') throw new UsageError('--region is empty');
    return Promise.resolve(flag);
  }
  let region = read.get(api);
  if (!region) {
    region = getPlatform(api).then((res) => {
      const body = parseBody<{ regions?: { region_id?: unknown }[] }>(res);
      const ids = (Array.isArray(body.regions) ? body.regions : [])
        .map((r) => r?.region_id)
        .filter((id): id is string => typeof id === 'string' && id !== '');
      const [only] = ids;
      if (only === undefined)
        throw new ResponseError('GET /platform names no region: pass --region');
      if (ids.length > 1)
        throw new UsageError(
          `this installation has regions ${ids.join(', ')}: pick one with --region`,
        );
      return only;
    });
    read.set(api, region);
  }
  return region;
}

/** Fields of a template that ECE sets itself: never sent back in a create or update. */
export function requestBody(doc: Record<string, unknown>): Record<string, unknown> {
  const {
    id: _id,
    instance_configurations: _ic,
    source: _source,
    system_owned: _system,
    ...body
  } = doc;
  return body;
}

/**
 * A template named by its id or its exact name (the one rule, `byIdOrName`):
 * the read by id comes first, and only a 404 costs the list of names. The
 * answer is the template's GET, as `show --json` prints it.
 */
export async function readTemplate(
  api: ApiClient,
  ref: string,
  region: string,
): Promise<{ id: string; res: ApiResponse }> {
  type Found = { id: string; name?: string; res?: ApiResponse };
  const { id, item } = await byIdOrName<Found>(
    {
      noun: 'deployment template',
      direct: (value) =>
        unless404(async () => ({ id: value, res: await getTemplate(api, value, region) })),
      candidates: async () =>
        parseBody<{ id: string; name?: string }[]>(await listTemplates(api, region)),
      id: (t) => t.id,
      names: (t) => [t.name],
    },
    ref,
  );
  return { id, res: item?.res ?? (await getTemplate(api, id, region)) };
}
