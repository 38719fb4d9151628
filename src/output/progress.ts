// Progress of plans while --wait follows them, on stderr. On a terminal: one
// live line per resource (spinner, kind, ref_id, current step, elapsed time),
// redrawn in place, with the cursor hidden until it ends. Elsewhere: one plain
// line per step, so logs read in order.

import type { ChalkInstance } from 'chalk';
import { formatDuration } from '../duration.js';
import type { IOStreams, MaskedIO, OutStream } from './iostreams.js';
import { FRAMES, LiveBlock } from './live-block.js';
import { sanitize } from './sanitize.js';

/** A resource a plan runs on, as progress shows it (api/plans.ts's Target is one). */
export interface ProgressTarget {
  kind: string;
  refId: string;
  /** For commands that start no plan: the status the resource is to reach. */
  status?: string | undefined;
}

/** What the plan follower reports (api/plans.ts's WaitEvent is one). */
export type ProgressEvent =
  | { type: 'step'; target: ProgressTarget; step: string }
  | {
      type: 'done';
      target: ProgressTarget;
      ok: boolean;
      step?: string;
      message?: string;
      ms: number;
    }
  | { type: 'retry'; message: string; delayMs: number }
  | { type: 'poll' };

interface Row {
  label: string;
  step: string;
  state: 'running' | 'ok' | 'failed';
  ms?: number;
}

export class PlanProgress {
  private readonly rows = new Map<ProgressTarget, Row>();
  private readonly started = Date.now();
  private note = '';
  private frame = 0;
  /** The live display draws with cursor escapes: it writes past the stderr sanitiser. */
  private readonly err: OutStream;
  private readonly block: LiveBlock;

  constructor(
    private readonly io: IOStreams,
    targets: ProgressTarget[],
    private readonly chalk: ChalkInstance,
  ) {
    this.err = (io as Partial<MaskedIO>).rawStderr ?? io.stderr;
    for (const t of targets)
      this.rows.set(t, {
        label: sanitize(`${t.kind} ${t.refId}`),
        step:
          t.status === undefined ? 'waiting for the plan to start' : `waiting until ${t.status}`,
        state: 'running',
      });
    this.block = new LiveBlock(this.err, () => this.lines());
    if (this.live) this.block.start(true);
  }

  private get live(): boolean {
    return this.io.stderrIsTTY;
  }

  event(e: ProgressEvent): void {
    if (e.type === 'poll') {
      this.note = '';
      return;
    }
    if (e.type === 'retry') {
      this.note = `ECE did not answer (${sanitize(e.message)}); retrying in ${formatDuration(e.delayMs)}`;
      if (!this.live) this.err.write(`warning: ${this.note}\n`);
      return;
    }
    const row = this.rows.get(e.target);
    if (!row) return;
    if (e.type === 'step') {
      row.step = sanitize(e.step);
      if (!this.live) this.err.write(`${row.label}: ${row.step}\n`);
      return;
    }
    row.state = e.ok ? 'ok' : 'failed';
    row.ms = e.ms;
    const step = e.step === undefined ? undefined : sanitize(e.step);
    const message = e.message ? sanitize(e.message) : undefined;
    // A stop/start starts no plan: it ends when the resource reaches the status.
    const reached = e.target.status ?? 'done';
    row.step = e.ok
      ? `${reached} in ${formatDuration(e.ms)}`
      : `failed at ${step ?? 'an unknown step'}`;
    if (!this.live) {
      this.err.write(
        e.ok
          ? `${row.label}: ${e.target.status ?? 'finished'} in ${formatDuration(e.ms)}\n`
          : `${row.label}: failed at step ${step ?? '?'}${message ? `: ${message}` : ''}\n`,
      );
    }
  }

  /** Final drawing; gives the cursor back. Safe to call more than once. */
  stop(): void {
    if (!this.live) return;
    this.note = '';
    this.block.stop('draw');
  }

  private lines(): string[] {
    const elapsed = formatDuration(Math.round((Date.now() - this.started) / 1000) * 1000);
    let width = 0;
    for (const r of this.rows.values()) if (r.label.length > width) width = r.label.length;
    const lines = [...this.rows.values()].map((r) => {
      const mark =
        r.state === 'ok'
          ? this.chalk.green('✓')
          : r.state === 'failed'
            ? this.chalk.red('✗')
            : this.chalk.cyan(FRAMES[this.frame % FRAMES.length]);
      const time = r.state === 'running' ? `  ${this.chalk.dim(elapsed)}` : '';
      return `${mark} ${r.label.padEnd(width)}  ${r.step}${time}`;
    });
    if (this.note) lines.push(this.chalk.yellow(this.note));
    this.frame++;
    return lines;
  }
}
