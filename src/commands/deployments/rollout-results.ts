// The result of a fleet rollout: one row per deployment of the selection
// (skipped ones included), the summary line on stderr, and the rows as a
// table, TSV or JSON on stdout (docs/fleet.md, "The result").

import type { ExitCodeValue } from '../../errors.js';
import { sanitize } from '../../output/sanitize.js';
import type { Grid } from '../../output/table.js';

/** One deployment's line of the result. */
export interface Result {
  id: string;
  name: string;
  from: string;
  to: string;
  /** upgraded, failed, skipped, not started, running (left to ECE by Ctrl-C), cancelled. */
  result: string;
  exit_code: ExitCodeValue;
  step?: string;
  message?: string;
}

export function summary(rows: Result[], stop: string | undefined): string {
  const countOf = (what: string) => rows.filter((x) => x.result === what).length;
  const parts = [
    `${countOf('upgraded')} upgraded`,
    `${countOf('failed')} failed`,
    `${countOf('skipped')} skipped`,
  ];
  const running = rows.filter((x) => x.result === 'running');
  const left = rows.filter((x) => x.result === 'not started' || x.result === 'cancelled');
  if (running.length)
    parts.push(
      `${running.length} still upgrading in ECE (${running.map((x) => sanitize(x.name)).join(', ')})`,
    );
  if (left.length) parts.push(`${left.length} not started`);
  const head =
    stop === 'interrupted'
      ? 'Interrupted: '
      : stop === 'failures'
        ? 'Stopped after a failure: '
        : stop === 'cancelled'
          ? 'Stopped after the canaries: '
          : 'Rollout done: ';
  const again =
    running.length || left.length || countOf('failed')
      ? '; run the same command again to go on'
      : '';
  return `${head}${parts.join(', ')}${again}.`;
}

/** The result rows as JSON: one object per deployment, in the rollout's order. */
export function resultsBody(rows: Result[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export function grid(rows: Result[]): Grid {
  return {
    headers: ['NAME', 'ID', 'FROM', 'TO', 'RESULT', 'EXIT', 'DETAIL'],
    rows: rows.map((x) => [
      x.name,
      x.id,
      x.from,
      x.to,
      x.result,
      String(x.exit_code),
      x.message ?? '-',
    ]),
    keep: [0],
  };
}
