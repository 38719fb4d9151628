// Progress of a fleet rollout, on stderr. On a terminal: one live line per
// deployment in flight (spinner, name, versions, how many of its plans still
// run, elapsed time) and a summary line, redrawn in place as PlanProgress
// does. Elsewhere: one plain line per start and per end, so logs read in
// order. Names come from the network: sanitised.

import type { ChalkInstance } from 'chalk';
import { formatDuration } from '../duration.js';
import type { IOStreams, MaskedIO, OutStream } from './iostreams.js';
import { FRAMES, LiveBlock } from './live-block.js';
import { sanitize } from './sanitize.js';

interface Row {
  label: string;
  from: string;
  state: string;
  started: number;
}

export class FleetProgress {
  private readonly rows = new Map<string, Row>();
  private done = 0;
  private failed = 0;
  private note = '';
  private frame = 0;
  private readonly err: OutStream;
  private readonly block: LiveBlock;

  constructor(
    private readonly io: IOStreams,
    private readonly total: number,
    private readonly target: string,
    private readonly chalk: ChalkInstance,
    private readonly now: () => number = Date.now,
  ) {
    this.err = (io as Partial<MaskedIO>).rawStderr ?? io.stderr;
    this.block = new LiveBlock(this.err, () => this.lines());
    if (this.live) this.block.start(false);
  }

  private get live(): boolean {
    return this.io.stderrIsTTY;
  }

  started(id: string, name: string, from: string, n: number): void {
    const label = sanitize(name);
    this.rows.set(id, { label, from, state: 'starting', started: this.now() });
    if (!this.live)
      this.err.write(
        `${label}: upgrading from ${from} to ${this.target} (${n} of ${this.total})\n`,
      );
    else this.block.draw();
  }

  status(id: string, running: number, of: number): void {
    const row = this.rows.get(id);
    if (!row) return;
    row.state = running > 0 ? `${running} of ${of} plans running` : 'finishing';
  }

  /** An upgrade ended: ok, or the failure's words. */
  ended(id: string, ok: boolean, what: string): void {
    const row = this.rows.get(id);
    if (!row) return;
    this.rows.delete(id);
    if (ok) this.done++;
    else this.failed++;
    const line = ok
      ? `${row.label}: upgraded to ${this.target} in ${formatDuration(this.now() - row.started)}`
      : `${row.label}: ${sanitize(what)}`;
    if (this.live) {
      this.block.clear();
      this.err.write(`${ok ? this.chalk.green('✓') : this.chalk.red('✗')} ${line}\n`);
      this.block.draw();
    } else this.err.write(`${line}\n`);
  }

  /** A passing note (a retry), or a line of its own when not on a terminal. */
  say(text: string): void {
    if (this.live) this.note = sanitize(text);
    else this.err.write(`${sanitize(text)}\n`);
  }

  /** Final drawing; gives the cursor back. Safe to call more than once. */
  stop(): void {
    if (this.live) this.block.stop('clear');
  }

  private lines(): string[] {
    let width = 0;
    for (const r of this.rows.values()) if (r.label.length > width) width = r.label.length;
    const spin = this.chalk.cyan(FRAMES[this.frame % FRAMES.length]);
    const lines = [...this.rows.values()].map((r) => {
      const elapsed = formatDuration(Math.round((this.now() - r.started) / 1000) * 1000);
      return `${spin} ${r.label.padEnd(width)}  ${r.from} → ${this.target}  ${r.state}  ${this.chalk.dim(elapsed)}`;
    });
    const waiting = this.total - this.done - this.failed - this.rows.size;
    lines.push(
      `${this.done} of ${this.total} upgraded, ${this.rows.size} running, ${waiting} waiting, ${this.failed} failed`,
    );
    if (this.note) lines.push(this.chalk.yellow(this.note));
    this.frame++;
    return lines;
  }
}
