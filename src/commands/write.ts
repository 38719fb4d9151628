// Plan, then act: a command turns its input into the write requests it will
// send (data, built by the typed calls in api/), then either sends them or,
// under --dry-run, prints each as the curl command that would send it. A dry
// run may do the read-only lookups it needs (the client notes each on
// stderr), never sends a write and never prompts.

import type { ApiClient, RequestOptions } from '../api/client.js';
import type { Context } from '../context.js';
import { confirmOrFail } from '../output/prompt.js';

// Kept here for the verbs not on the model yet (auth login); it lives in input.ts.
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

/**
 * A destructive write, planned: shown under --dry-run; otherwise asked
 * (unless --yes), sent, and said on stderr. The caller has already checked
 * that it can ask (requireConfirmable) and read what it deletes.
 */
export async function confirmAndSend(
  ctx: Context,
  api: ApiClient,
  write: RequestOptions,
  say: { question: string; yes: boolean | undefined; done: string },
): Promise<void> {
  if (showDryRun(ctx, api, write)) return;
  await confirmOrFail(ctx.io, say.question, say.yes);
  await api.request(write);
  ctx.io.stderr.write(`${say.done}\n`);
}
