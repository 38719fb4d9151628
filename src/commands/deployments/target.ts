// What the whole-deployment verbs (shutdown, restore, delete) share: the
// deployment named as the user gave it, and the one-line report.

import type { ApiClient } from '../../api/client.js';
import type { Context } from '../../context.js';
import { RAW } from '../../output/raw.js';
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

/** The API's body with --json; a line on stderr either way. */
export async function report(ctx: Context, body: string, message: string): Promise<void> {
  const renderer = await ctx.renderer();
  if (renderer.raw) await renderer.body(body, RAW);
  ctx.io.stderr.write(`${message}\n`);
}
