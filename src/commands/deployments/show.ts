// `ece deployments show`: one deployment, as a summary with a resource table
// on a terminal, resource rows in a pipe, or the API's body with --json.

import { parseBody } from '../../api/body.js';
import {
  asDeployment,
  type Deployment,
  getDeployment,
  type ResourceInfo,
} from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import type { Context } from '../../context.js';
import { formatDuration } from '../../duration.js';
import type { Grid } from '../../output/table.js';
import { defineVerb, type Plan } from '../run/types.js';
import { resolveDeployment } from './resolve.js';

export interface ShowFlags {
  plans?: boolean;
  planLogs?: boolean;
  planHistory?: boolean;
  settings?: boolean;
  metadata?: boolean;
  updatePayload?: boolean;
}

export const verb = defineVerb<{ deployment: string } & ShowFlags>({
  effect: 'read',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    // Plans are in ECE's default answer; the flag is kept for scripts that pass it.
    {
      flags: '--plans',
      description: 'include current and pending plans (the default)',
      hidden: true,
    },
    { flags: '--plan-logs', description: 'include plan attempt logs (show_plan_logs)' },
    { flags: '--plan-history', description: 'include the plan history (show_plan_history)' },
    { flags: '--settings', description: 'include settings (show_settings)' },
    { flags: '--metadata', description: 'include full cluster metadata (show_metadata)' },
    {
      flags: '--update-payload',
      description:
        'print a DeploymentUpdateRequest built from the current plans (for ece deployments update -f)',
    },
  ],
  description: `On a terminal: a summary and a table of resources. Piped: one tab-separated
row per resource (KIND REF_ID ID STATUS HEALTHY VERSION REGION ENDPOINT).
--json prints the body of GET /deployments/{id} as curl gets it, ECE's
defaults (current and pending plans) included, plus what the flags above add.`,
  examples: [
    'ece deployments show prod-logs',
    'ece deployments show 3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67 --json --plan-logs',
    "ece deployments show prod-logs --query 'resources.elasticsearch[0].info.status'",
    'ece deployments show prod-logs --update-payload > update.json',
  ],
  plan: (input, ctx) => plan(input.deployment, input, ctx),
});

export async function plan(ref: string, flags: ShowFlags, ctx: Context): Promise<Plan> {
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const { id } = await resolveDeployment(api, ref);
  if (flags.updatePayload) {
    const { leftOutNote, readForUpdate } = await import('./payload.js');
    const read = await readForUpdate(api, id);
    // JSON.stringify escapes control characters; bidi and other format characters are
    // escaped too (the same JSON value), so a name from the network cannot reorder the screen.
    const text = JSON.stringify(read.payload, null, 2).replace(
      /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    // The version it was read at, for a conditional update; on stderr, so the pipe stays a document.
    let done: string | undefined;
    if (read.version !== undefined && /^\d+$/.test(read.version)) {
      const { shellQuote } = await import('../../api/curl.js');
      done = `# update with: ece deployments update ${shellQuote(ref)} -f <file> --if-version ${read.version}`;
    }
    // What the payload leaves out (a resource without a current plan), said first.
    const note = leftOutNote(read.leftOut);
    if (note) done = done ? `note: ${note}\n${done}` : `note: ${note}`;
    // A document to edit and send back: JSON in every format but YAML or a --query.
    return { output: { body: text, print: (_r, io) => void io.stdout.write(`${text}\n`) }, done };
  }
  const res = await getDeployment(api, id, {
    // The summary always needs the plans. The API's body is the one curl gets
    // (no query: ECE's defaults, pending plans included), plus what flags add.
    plans: renderer.raw ? undefined : true,
    logs: renderer.raw ? flags.planLogs : true,
    history: flags.planHistory,
    settings: flags.settings,
    metadata: flags.metadata,
  });
  return {
    output: {
      body: res,
      print(renderer, io) {
        const d = asDeployment(parseBody<unknown>(res));
        const grid = resourceGrid(d, renderer.format === 'table');
        if (renderer.format !== 'table') {
          renderer.grid(grid);
          return;
        }
        io.stdout.write(
          `Name:     ${d.name}\nID:       ${d.id}\n${d.alias ? `Alias:    ${d.alias}\n` : ''}Healthy:  ${d.healthy ? 'yes' : 'no'}\n\n`,
        );
        renderer.grid(grid);
        for (const line of pendingLines(d)) io.stdout.write(`${line}\n`);
      },
    },
  };
}

export function resources(d: Deployment): { kind: string; r: ResourceInfo }[] {
  return KINDS.flatMap((kind) => (d.resources[kind] ?? []).map((r) => ({ kind, r })));
}

function resourceGrid(d: Deployment, table: boolean): Grid {
  const yes = (b: boolean) => (table ? (b ? 'yes' : 'no') : String(b));
  return {
    headers: [
      'KIND',
      'REF_ID',
      ...(table ? [] : ['ID']),
      'STATUS',
      'HEALTHY',
      'VERSION',
      'REGION',
      'ENDPOINT',
    ],
    rows: resources(d).map(({ kind, r }) => [
      kind,
      r.ref_id,
      ...(table ? [] : [r.id]),
      r.info.status,
      yes(r.info.healthy),
      version(kind, r) ?? '-',
      r.region,
      r.info.metadata?.service_url ?? r.info.metadata?.endpoint ?? '-',
    ]),
  };
}

function version(kind: string, r: ResourceInfo): string | undefined {
  const running = r.info.topology?.instances.find((i) => i.service_version)?.service_version;
  if (running) return running;
  const plan = (r.info.plan_info.current ?? r.info.plan_info.pending)?.plan?.[kind] as
    | { version?: string }
    | undefined;
  return plan?.version;
}

function pendingLines(d: Deployment): string[] {
  const lines: string[] = [];
  for (const { kind, r } of resources(d)) {
    const p = r.info.plan_info.pending;
    if (!p) continue;
    const step = p.plan_attempt_log.at(-1)?.step_id;
    const started = p.attempt_start_time ? Date.parse(p.attempt_start_time) : undefined;
    const ago =
      started === undefined
        ? ''
        : ` (started ${formatDuration(Math.max(0, Math.round((Date.now() - started) / 1000)) * 1000)} ago)`;
    lines.push(`Pending plan: ${kind} ${r.ref_id}${step ? ` at step ${step}` : ''}${ago}`);
  }
  if (lines.length) lines.unshift('');
  return lines;
}
