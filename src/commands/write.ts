// What the two verbs not on the command model yet (login, logout) still use:
// under --dry-run, their planned writes printed as curl lines. Every other
// verb gets this from the executor (run/execute.ts); delete this file when
// login and logout move.

import type { ApiClient, RequestOptions } from '../api/client.js';
import type { Context } from '../context.js';

// Kept here for auth login; it lives in input.ts.
export { UNREAD_PASSWORD } from '../input.js';

/**
 * Under --dry-run: prints the planned writes as curl lines on stdout and
 * returns true (the command stops there). Otherwise returns false.
 */
export function showDryRun(ctx: Context, api: ApiClient, ...writes: RequestOptions[]): boolean {
  if (!ctx.flags.dryRun) return false;
  for (const w of writes) ctx.io.stdout.write(`${api.curl(w)}\n`);
  return true;
}
