// What the whole-deployment verbs (shutdown, restore, delete) share: the
// deployment named as the user gave it.

import type { ApiClient } from '../../api/client.js';
import type { Context } from '../../context.js';
import { resolveDeployment } from './resolve.js';

export interface Target {
  api: ApiClient;
  id: string;
  name?: string;
  /** `"name" (id)` when a name was given, else the id. */
  label: string;
}

/** The client and the deployment's id (a name costs one search, a read a dry run may send). */
export async function target(ctx: Context, ref: string): Promise<Target> {
  const api = await ctx.api();
  const resolved = await resolveDeployment(api, ref);
  return {
    api,
    ...resolved,
    label: resolved.name ? `"${resolved.name}" (${resolved.id})` : resolved.id,
  };
}
