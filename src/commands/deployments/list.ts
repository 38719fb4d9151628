// `ece deployments list`: GET /deployments as a table, TSV or the API's body.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import {
  type DeploymentListing,
  type DeploymentsListResponse,
  listDeployments,
  searchDeployments,
} from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import type { Context } from '../../context.js';
import { CliError, InterruptedError, ResponseError } from '../../errors.js';
import type { View } from '../../output/render.js';
import type { Grid } from '../../output/table.js';
import { act, type Contexts } from '../action.js';

export function register(parent: Command, contexts: Contexts): void {
  parent
    .command('list')
    .alias('ls')
    .description('List deployments')
    .addHelpText(
      'after',
      `
On a terminal: a table with one column per resource kind present, showing each
resource's ref_id (or -), and a SYSTEM column (yes) when ECE's own system
deployments are listed. Piped: tab-separated rows with every known kind and a
last column true/false for system-owned, no header. --json prints the API's
body unchanged.

Examples:
  $ ece deployments list
  $ ece deployments list --json
  $ ece deployments list --query 'deployments[].name'
  $ ece deployments list | cut -f1`,
    )
    .action(act(contexts, (ctx) => run(ctx)));
}

export async function run(ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const res = await listDeployments(api);
  if (renderer.format === 'json' && ctx.flags.query === undefined) {
    // Fail loudly on a body that is not a deployments list before printing it.
    check(parseBody<unknown>(res));
  }
  // GET /deployments does not say which are ECE's own (metadata.system_owned):
  // one search does, for the table and TSV only.
  const none = renderer.raw || check(parseBody<unknown>(res)).deployments.length === 0;
  const system = none ? new Set<string>() : await systemOwned(api, ctx);
  await renderer.body(res, viewWith(system));
}

async function systemOwned(api: ApiClient, ctx: Context): Promise<Set<string>> {
  try {
    const res = await searchDeployments(api, {
      query: { term: { 'metadata.system_owned': { value: 'true' } } },
      size: 100,
    });
    const body = parseBody<{
      deployments?: { id: string; metadata?: { system_owned?: boolean } }[];
    }>(res);
    // Trust the flag, not the query: a server that ignores it marks nothing.
    return new Set(
      (body.deployments ?? []).filter((d) => d.metadata?.system_owned === true).map((d) => d.id),
    );
  } catch (err) {
    if (err instanceof InterruptedError || !(err instanceof CliError)) throw err;
    ctx.warn(`cannot tell system deployments apart (${err.message}); none is marked`);
    return new Set();
  }
}

const viewWith = (system: Set<string>): View => ({
  emptyNote: 'No deployments.',
  isEmpty: (data) => check(data).deployments.length === 0,
  grid: (data, format) => grid(check(data).deployments, format, system),
});

export const view: View = viewWith(new Set());

/** `system`: ids of system-owned deployments (ECE's own: admin console, logging and metrics, security). */
export function grid(
  deployments: DeploymentListing[],
  format: 'table' | 'tsv',
  system: Set<string> = new Set(),
): Grid {
  // A terminal shows the kinds present; a pipe gets fixed columns so that
  // scripts can count on them.
  let kinds: readonly string[] = KINDS;
  if (format === 'table') {
    const present = new Set<string>();
    for (const d of deployments) for (const r of d.resources) present.add(r.kind);
    kinds = KINDS.filter((k) => present.has(k));
  }
  // Piped: always a last column; on a terminal only when there is a system deployment.
  const mark = format === 'tsv' || deployments.some((d) => system.has(d.id));
  return {
    headers: ['ID', 'NAME', ...kinds.map((k) => k.toUpperCase()), ...(mark ? ['SYSTEM'] : [])],
    keep: [0],
    // One pass over each deployment's resources: lists run to 10,000s of rows.
    rows: deployments.map((d) => {
      const refs: Record<string, string> = {};
      for (const r of d.resources)
        refs[r.kind] = refs[r.kind] ? `${refs[r.kind]},${r.ref_id}` : r.ref_id;
      const row = [d.id, d.name];
      for (const k of kinds) row.push(refs[k] || '-');
      if (mark) {
        const owned = system.has(d.id);
        row.push(format === 'tsv' ? String(owned) : owned ? 'yes' : '-');
      }
      return row;
    }),
  };
}

function check(data: unknown): DeploymentsListResponse {
  const list = (data as { deployments?: unknown } | null)?.deployments;
  if (
    !Array.isArray(list) ||
    !list.every((d) => typeof d === 'object' && d !== null && Array.isArray(d.resources))
  ) {
    throw new ResponseError('unexpected response from ECE: not a list of deployments');
  }
  return data as DeploymentsListResponse;
}
