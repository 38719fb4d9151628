// `ece deployments plan logs`: the steps of one plan attempt of one resource,
// with their status, duration and messages. By default the attempt that runs
// now (pending), else the current one, else the latest in the history (a
// failed creation has no current plan).

import { failure } from '../../../api/attempts.js';
import { parseBody } from '../../../api/body.js';
import type { PlanStep } from '../../../api/deployments.js';
import { getDeployment } from '../../../api/deployments.js';
import { type HistoryEntry, planHistory, type ResourceFilter } from '../../../api/plan-history.js';
import { formatDuration } from '../../../duration.js';
import { CliError, ExitCode, UsageError } from '../../../errors.js';
import type { Grid } from '../../../output/table.js';
import { text } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { resolveDeployment } from '../resolve.js';
import {
  between,
  deploymentFor,
  type FilterFlags,
  filterOf,
  isoTime,
  KIND_HELP,
} from './common.js';

/** A step as ECE sends it (ClusterPlanStepInfo): more than the follower needs. */
type Step = Omit<PlanStep, 'info_log'> & {
  duration_in_millis?: number;
  info_log?: { message?: string; timestamp?: string }[];
};

interface LogsInput extends FilterFlags {
  deployment: string;
  attempt?: string;
}

export const verb = defineVerb<LogsInput>({
  effect: 'read',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    { flags: '--kind <kind>', description: `${KIND_HELP} (default: elasticsearch)` },
    {
      flags: '--ref-id <ref-id>',
      description: 'which resource of that kind (needed only when there are several)',
    },
    {
      flags: '--attempt <n|id>',
      description: 'the attempt: its number in `plan history` or its id',
    },
  ],
  description: `Without --attempt: the plan that runs now, else the current one, else the
latest in the history. On a terminal: a line naming the attempt, then one row
per message (STEP STATUS DURATION TIME MESSAGE, times in UTC). Piped: one
tab-separated row per message (STEP STATUS STARTED DURATION_MS TIME MESSAGE),
times in ISO-8601 UTC. --json prints the API's body of
GET /deployments/{id}?show_plans=true&show_plan_logs=true&show_plan_history=true.`,
  examples: [
    'ece deployments plan logs prod-logs',
    'ece deployments plan logs prod-logs --kind kibana --attempt 3',
    'ece deployments plan logs prod-logs | grep -w error',
  ],
  async plan(input, ctx) {
    const filter = filterOf({ ...input, kind: input.kind ?? 'elasticsearch' });
    const wanted = input.attempt?.trim();
    if (wanted === '') throw new UsageError('--attempt is empty: give a number or an attempt id');
    await ctx.renderer();
    const api = await ctx.api();
    const { id } = await resolveDeployment(api, input.deployment);
    const res = await getDeployment(api, id, { plans: true, logs: true, history: true });
    return {
      output: {
        body: res,
        print: (renderer, io) => {
          const d = deploymentFor(parseBody<unknown>(res), filter);
          const e = pick(one(planHistory(d, filter), filter, d.name), wanted);
          const table = renderer.format === 'table';
          const steps = e.attempt.plan_attempt_log ?? [];
          if (table) io.stdout.write(`${heading(e)}\n${steps.length ? '\n' : ''}`);
          if (steps.length) renderer.grid(grid(steps, table));
          else if (io.stdoutIsTTY) io.stderr.write('ECE sent no steps for this attempt.\n');
        },
      },
    };
  },
});

function one(resources: HistoryEntry[][], f: ResourceFilter, name: string): HistoryEntry[] {
  if (resources.length > 1) {
    const refs = resources.map((r) => r[0]?.refId ?? '?');
    throw new UsageError(
      `deployment ${name} has ${resources.length} ${f.kind} resources; pick one with --ref-id (${refs.join(', ')})`,
    );
  }
  return resources[0] ?? [];
}

function pick(seq: HistoryEntry[], wanted: string | undefined): HistoryEntry {
  const where = seq[0] ? `${seq[0].kind} ${seq[0].refId}` : 'the resource';
  if (seq.length === 0) throw new CliError(`${where} has no plan attempts`, ExitCode.NOT_FOUND);
  if (wanted === undefined) {
    const current = seq.find((e) => e.running) ?? seq.find((e) => e.current) ?? seq.at(-1);
    return current as HistoryEntry;
  }
  const found = /^\d+$/.test(wanted)
    ? seq.find((e) => e.number === Number(wanted))
    : seq.find((e) => e.attempt.plan_attempt_id === wanted);
  if (!found)
    throw new CliError(
      `${where} has no attempt ${wanted} (attempts 1 to ${seq.length}; see \`ece deployments plan history\`)`,
      ExitCode.NOT_FOUND,
    );
  return found;
}

function heading(e: HistoryEntry): string {
  const a = e.attempt;
  const outcome = failure(a);
  const result = e.running
    ? 'running'
    : outcome.ok
      ? 'success'
      : `failed at ${outcome.step ?? 'an unknown step'}`;
  const id = a.plan_attempt_id ? ` (${a.plan_attempt_id})` : '';
  return `${e.kind} ${e.refId}, attempt ${e.number}${id}: ${result}`;
}

function grid(steps: Step[], table: boolean): Grid {
  const rows = steps.flatMap((s) => {
    const ms =
      typeof s.duration_in_millis === 'number'
        ? s.duration_in_millis
        : between(s.started, s.completed);
    const messages = (s.info_log ?? []).length ? (s.info_log ?? []) : [undefined];
    return messages.map((m, i) => {
      const time = isoTime(m?.timestamp);
      if (table)
        return [
          i === 0 ? s.step_id : '',
          i === 0 ? s.status : '',
          i === 0 ? text(ms === undefined ? undefined : formatDuration(ms)) : '',
          text(time && /^\d{4}-\d\d-\d\dT/.test(time) ? time.slice(11, 19) : time),
          text(m?.message),
        ];
      return [
        s.step_id,
        s.status,
        isoTime(s.started),
        ms === undefined ? undefined : String(ms),
        time,
        m?.message,
      ].map(text);
    });
  });
  return table
    ? { headers: ['STEP', 'STATUS', 'DURATION', 'TIME', 'MESSAGE'], rows }
    : { headers: [], rows };
}
