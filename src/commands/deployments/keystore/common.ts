// What the keystore verbs share: the Elasticsearch resource they act on (the
// deployment by id or exact name; --ref-id, else its only Elasticsearch
// resource), the rule for setting names, and reading the listing.

import type { ApiClient } from '../../../api/client.js';
import type { Context } from '../../../context.js';
import { ResponseError, UsageError } from '../../../errors.js';
import { resolveDeployment } from '../resolve.js';
import { refIdOf } from '../resource.js';

export const REF_ID_HELP = 'the Elasticsearch resource, when the deployment has several';

export interface EsTarget {
  api: ApiClient;
  id: string;
  refId: string;
  /** `name (elasticsearch ref_id)`, or the id when no name was given. */
  label: string;
}

export async function esTarget(
  ctx: Context,
  ref: string,
  refId: string | undefined,
): Promise<EsTarget> {
  const api = await ctx.api();
  const { id, name } = await resolveDeployment(api, ref);
  const chosen = await refIdOf(api, id, 'elasticsearch', refId);
  return { api, id, refId: chosen, label: `${name ?? id} (elasticsearch ${chosen})` };
}

/** Elasticsearch's rule for keystore setting names. */
const SETTING = /^[A-Za-z0-9_.-]+$/;

export function checkSetting(name: string): string {
  if (!SETTING.test(name)) {
    throw new UsageError(
      `invalid setting name "${name}": use letters, digits, dots, dashes and underscores (e.g. s3.client.default.access_key)`,
    );
  }
  return name;
}

export interface KeystoreEntry {
  setting: string;
  asFile: boolean;
}

/** The settings of a KeystoreContents answer, sorted by name; values are never read. */
export function entries(body: unknown): KeystoreEntry[] {
  const secrets = (body as { secrets?: unknown } | null)?.secrets;
  if (typeof secrets !== 'object' || secrets === null || Array.isArray(secrets))
    throw new ResponseError('unexpected response from ECE: not the contents of a keystore');
  return Object.entries(secrets as Record<string, { as_file?: unknown } | null>)
    .map(([setting, s]) => ({ setting, asFile: s?.as_file === true }))
    .sort((a, b) => (a.setting < b.setting ? -1 : a.setting > b.setting ? 1 : 0));
}
