// `ece deployments list`: GET /deployments as the API's body (--json, -o
// yaml, --query), or, for a table or TSV, what runs and whether it is
// healthy: GET /deployments has no status, health, version or system mark,
// so one search (every page, through the one pager) adds them.

import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import {
  type DeploymentListing,
  type DeploymentsListResponse,
  type HitResource,
  listDeployments,
  listSearch,
  type SearchHit,
} from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import type { Context } from '../../context.js';
import { CliError, InterruptedError, ResponseError } from '../../errors.js';
import type { Grid } from '../../output/table.js';
import type { View } from '../../output/views.js';
import { defineVerb, type Plan } from '../run/types.js';

export const verb = defineVerb({
  effect: 'read',
  description: `On a terminal: NAME, ID, one column per resource kind present with its status
and health (✓ started, ✗ stopped: ✓ healthy, ✗ unhealthy, ? unknown; - none),
the Elasticsearch VERSION, and SYSTEM (yes) when ECE's own system deployments
are listed. Columns that do not fit are hidden (a note on stderr says which).
Piped: tab-separated rows, no header: ID, NAME, one column per kind
(ELASTICSEARCH KIBANA APM INTEGRATIONS_SERVER ENTERPRISE_SEARCH APPSEARCH) as
status/health (started/healthy) or -, VERSION, and true/false for system-owned.
-o wide adds REGION, TEMPLATE and ENDPOINT (last, in TSV too). --json prints
the body of GET /deployments unchanged (no status: see deployments search).`,
  examples: [
    'ece deployments list',
    'ece deployments list -o wide',
    'ece deployments list --json',
    "ece deployments list --query 'deployments[].name'",
    "ece deployments list | awk -F'\\t' '$3 != \"started/healthy\" {print $2}'",
  ],
  plan: (_input, ctx) => plan(ctx),
});

async function plan(ctx: Context): Promise<Plan> {
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const res = await listDeployments(api);
  if (renderer.raw) {
    // Fail loudly on a body that is not a deployments list before printing it.
    if (renderer.format === 'json' && ctx.flags.query === undefined) check(parseBody<unknown>(res));
    return { output: { body: res, view } };
  }
  // Parsed once (10,000 deployments are 2 MB of JSON): the rows show no
  // number, so the plain parse serves them.
  const data = check(parseBody<unknown>(res));
  const found = data.deployments.length === 0 ? undefined : await searchAll(api, ctx);
  return { output: { body: res, view: viewWith(found), parsed: data } };
}

/** Every deployment's search hit by id; undefined (and a warning) when the search fails. */
async function searchAll(
  api: ApiClient,
  ctx: Context,
): Promise<Map<string, SearchHit> | undefined> {
  const { pages } = await import('../../api/pager.js');
  const found = new Map<string, SearchHit>();
  try {
    const req = listSearch();
    for await (const page of pages(api, req, {
      maxWindow: MAX_RESULT_WINDOW,
      onTruncated: (seen) =>
        ctx.warn(
          `statuses past the first ${seen} deployments are unknown: without a search cursor (ECE 3.8+) ECE pages no deeper than ${MAX_RESULT_WINDOW}`,
        ),
    })) {
      const hits = page.data.deployments;
      if (!Array.isArray(hits)) throw new ResponseError('not a search result');
      for (const h of hits as SearchHit[])
        if (typeof h?.id === 'string' && !found.has(h.id)) found.set(h.id, h);
    }
    return found;
  } catch (err) {
    if (err instanceof InterruptedError || !(err instanceof CliError)) throw err;
    ctx.warn(`cannot read statuses (${err.message}); they show as unknown`);
    return undefined;
  }
}

/** Elasticsearch's index.max_result_window: from + size may not pass it. */
const MAX_RESULT_WINDOW = 10_000;

const viewWith = (found: Map<string, SearchHit> | undefined): View => ({
  emptyNote: 'No deployments.',
  isEmpty: (data) => check(data).deployments.length === 0,
  grid: (data, format, opts) => grid(check(data).deployments, format, found, opts),
});

export const view: View = viewWith(undefined);

/** Short kind headers on a terminal: cells are short (`✓ started`), headers should be too. */
const SHORT: Record<string, string> = {
  elasticsearch: 'ES',
  kibana: 'KIBANA',
  apm: 'APM',
  integrations_server: 'INTEGRATIONS',
  enterprise_search: 'ENT_SEARCH',
  appsearch: 'APPSEARCH',
};

/**
 * The rows of `list` and `search`. `found`: each deployment's search hit by
 * id (status, health, version, system_owned); undefined when unknown.
 */
export function grid(
  deployments: DeploymentListing[],
  format: 'table' | 'tsv',
  found?: Map<string, SearchHit>,
  opts: { wide?: boolean } = {},
): Grid {
  const tty = format === 'table';
  // A terminal shows the kinds present; a pipe gets fixed columns so that
  // scripts can count on them.
  let kinds: readonly string[] = KINDS;
  if (tty) {
    const present = new Set<string>();
    for (const d of deployments) for (const r of d.resources) present.add(r.kind);
    kinds = KINDS.filter((k) => present.has(k));
  }
  const system = (d: DeploymentListing) => found?.get(d.id)?.metadata?.system_owned === true;
  // Piped: always the system column; on a terminal only when there is a system deployment.
  const mark = !tty || deployments.some(system);
  const wide = opts.wide === true;
  const headers = [
    ...(tty ? ['NAME', 'ID'] : ['ID', 'NAME']),
    ...kinds.map((k) => (tty ? (SHORT[k] ?? k.toUpperCase()) : k.toUpperCase())),
    'VERSION',
    ...(mark ? ['SYSTEM'] : []),
    ...(wide ? ['REGION', 'TEMPLATE', 'ENDPOINT'] : []),
  ];
  const col = (h: string) => headers.indexOf(h);
  // Hidden first when the width is short: the wide extras, the system mark,
  // the version, then the kinds from the last to Elasticsearch.
  const drop = ['ENDPOINT', 'TEMPLATE', 'REGION', 'SYSTEM', 'VERSION']
    .map(col)
    .concat(kinds.map((_, i) => 2 + i).reverse())
    .filter((i) => i >= 0);
  return {
    headers,
    keep: tty ? [1, 0] : [0, 1],
    drop,
    // Status, version and mark are short codes: whole or hidden, never `✓ sta…`.
    whole: kinds
      .map((_, i) => 2 + i)
      .concat(col('VERSION'), col('SYSTEM'))
      .filter((i) => i >= 0),
    // One pass over each deployment's resources: lists run to 10,000s of rows.
    rows: deployments.map((d) => {
      const hit = found?.get(d.id);
      const byKind: Record<string, DeploymentListing['resources']> = {};
      for (const r of d.resources) {
        const same = byKind[r.kind];
        if (same) same.push(r);
        else byKind[r.kind] = [r];
      }
      const row = tty ? [d.name, d.id] : [d.id, d.name];
      for (const k of kinds) {
        const mine = byKind[k];
        row.push(
          mine
            ? mine
                .map((r, i) => status(info(hit, k, r.ref_id, i), found !== undefined, tty))
                .join(',')
            : '-',
        );
      }
      const es = (byKind.elasticsearch ?? []).map((r, i) =>
        info(hit, 'elasticsearch', r.ref_id, i),
      );
      row.push(distinct(es.map(version)));
      if (mark) row.push(tty ? (system(d) ? 'yes' : '-') : String(system(d)));
      if (wide) {
        const first = byKind.elasticsearch?.[0] ?? d.resources[0];
        row.push(
          typeof first?.region === 'string' && first.region !== '' ? first.region : '-',
          distinct(es.map((r) => r?.info?.plan_info?.current?.plan?.deployment_template?.id)),
          distinct(es.map((r) => r?.info?.metadata?.service_url ?? r?.info?.metadata?.endpoint)),
        );
      }
      return row;
    }),
  };
}

/** The hit's resource of this kind: by ref_id, else at the same place. */
function info(
  hit: SearchHit | undefined,
  kind: string,
  refId: string,
  index: number,
): HitResource | undefined {
  const list = hit?.resources?.[kind];
  if (!Array.isArray(list)) return undefined;
  return list.find((r) => r?.ref_id === refId) ?? list[index];
}

/** `✓ started` on a terminal, `started/healthy` in TSV; `?`/`unknown` for what the search did not say. */
function status(r: HitResource | undefined, searched: boolean, tty: boolean): string {
  const s = r?.info?.status;
  const h = r?.info?.healthy;
  const word = typeof s === 'string' && s !== '' ? s : undefined;
  if (!searched || (word === undefined && typeof h !== 'boolean')) return tty ? '?' : 'unknown';
  if (tty) return `${h === true ? '✓' : h === false ? '✗' : '?'} ${word ?? '?'}`;
  return `${word ?? 'unknown'}/${h === true ? 'healthy' : h === false ? 'unhealthy' : 'unknown'}`;
}

/** The running Elasticsearch version: the current plan's, else what the instances run. */
function version(r: HitResource | undefined): string | undefined {
  const planned = r?.info?.plan_info?.current?.plan?.elasticsearch?.version;
  if (typeof planned === 'string' && planned !== '') return planned;
  const instances = r?.info?.topology?.instances;
  if (!Array.isArray(instances)) return undefined;
  return instances.find((i) => typeof i?.service_version === 'string')?.service_version;
}

function distinct(values: (string | undefined)[]): string {
  const seen = [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
  return seen.length ? seen.join(',') : '-';
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
