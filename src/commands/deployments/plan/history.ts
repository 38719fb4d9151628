// `ece deployments plan history`: every plan attempt of a deployment's
// resources — when it started, how long it took, how it ended, the step it
// failed at and who started it. One GET with the history and the logs (the
// failed step is in the logs); --json prints that body.

import { failure } from '../../../api/attempts.js';
import { getDeployment } from '../../../api/deployments.js';
import { type HistoryEntry, planHistory } from '../../../api/plan-history.js';
import { formatDuration } from '../../../duration.js';
import type { View } from '../../../output/views.js';
import { text } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { resolveDeployment } from '../resolve.js';
import {
  between,
  deploymentFor,
  FILTER_OPTIONS,
  type FilterFlags,
  filterOf,
  isoTime,
  sourceOf,
  sourceText,
  tableTime,
} from './common.js';

export const verb = defineVerb<FilterFlags & { deployment: string }>({
  effect: 'read',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: FILTER_OPTIONS,
  description: `Attempts are numbered per resource from 1 (the oldest); \`plan logs --attempt N\`
takes the number or the attempt id. RESULT is success, failed or running.
On a terminal: a table (times in UTC). Piped: one tab-separated row per attempt
(KIND REF_ID NUMBER ATTEMPT_ID STARTED ENDED DURATION_MS RESULT FAILED_STEP
ACTION USER), times in ISO-8601 UTC. --json prints the API's body of
GET /deployments/{id}?show_plans=true&show_plan_logs=true&show_plan_history=true.`,
  examples: [
    'ece deployments plan history prod-logs',
    'ece deployments plan history prod-logs --kind kibana',
    "ece deployments plan history prod-logs | awk -F'\\t' '$8 == \"failed\"'",
  ],
  async plan(input, ctx) {
    const filter = filterOf(input);
    await ctx.renderer();
    const api = await ctx.api();
    const { id } = await resolveDeployment(api, input.deployment);
    const res = await getDeployment(api, id, { plans: true, logs: true, history: true });
    const entries = (data: unknown) => planHistory(deploymentFor(data, filter), filter).flat();
    const view: View = {
      emptyNote: 'No plan attempts.',
      isEmpty: (data) => entries(data).length === 0,
      grid: (data, format) => {
        const rows = entries(data).map(format === 'table' ? tableRow : tsvRow);
        return format === 'table'
          ? {
              headers: [
                'KIND',
                'REF_ID',
                'ATTEMPT',
                'STARTED',
                'DURATION',
                'RESULT',
                'FAILED STEP',
                'SOURCE',
              ],
              rows,
              keep: [2],
            }
          : { headers: [], rows };
      },
    };
    return { output: { body: res, view } };
  },
});

interface Summary {
  started: string | undefined;
  ended: string | undefined;
  ms: number | undefined;
  result: 'success' | 'failed' | 'running';
  step: string | undefined;
}

function summary(e: HistoryEntry): Summary {
  const a = e.attempt;
  const outcome = failure(a);
  const result = e.running ? 'running' : outcome.ok ? 'success' : 'failed';
  return {
    started: a.attempt_start_time,
    ended: a.attempt_end_time,
    ms: e.running ? undefined : between(a.attempt_start_time, a.attempt_end_time),
    result,
    step: result === 'failed' ? outcome.step : undefined,
  };
}

function tableRow(e: HistoryEntry): string[] {
  const s = summary(e);
  return [
    e.kind,
    e.refId,
    String(e.number),
    tableTime(s.started),
    s.ms === undefined ? undefined : formatDuration(s.ms),
    s.result,
    s.step,
    sourceText(sourceOf(e.attempt)),
  ].map(text);
}

function tsvRow(e: HistoryEntry): string[] {
  const s = summary(e);
  const source = sourceOf(e.attempt);
  return [
    e.kind,
    e.refId,
    String(e.number),
    e.attempt.plan_attempt_id,
    isoTime(s.started),
    isoTime(s.ended),
    s.ms === undefined ? undefined : String(s.ms),
    s.result,
    s.step,
    source?.action,
    source?.user_id ?? source?.admin_id,
  ].map(text);
}
