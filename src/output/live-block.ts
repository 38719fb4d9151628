// A block of lines on stderr redrawn in place on a terminal (the progress of
// --wait and of a fleet rollout): the cursor hidden while it lives, a redraw
// every 100 ms that overwrites the lines drawn before and clears the ones
// that went away, and the cursor given back at the end.

import type { OutStream } from './iostreams.js';

/** The spinner's frames, one per redraw. */
export const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export class LiveBlock {
  /** Lines on screen now; -1 once stopped. */
  private drawn = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly err: OutStream,
    private readonly lines: () => string[],
  ) {}

  /** Hides the cursor and redraws every 100 ms (first at once when `now`). */
  start(now: boolean): void {
    this.err.write('\u001b[?25l');
    if (now) this.draw();
    this.timer = setInterval(() => this.draw(), 100);
    this.timer.unref();
  }

  draw(): void {
    if (this.drawn < 0) return;
    const lines = this.lines();
    let out = this.drawn > 0 ? `\u001b[${this.drawn}A` : '';
    for (const line of lines) out += `\r\u001b[2K${line}\n`;
    // A line that went away (the note) is cleared too.
    for (let i = lines.length; i < this.drawn; i++) out += '\r\u001b[2K\n';
    if (this.drawn > lines.length) out += `\u001b[${this.drawn - lines.length}A`;
    this.drawn = lines.length;
    this.err.write(out);
  }

  /** Removes the block from the screen (a line of its own goes above it next). */
  clear(): void {
    if (this.drawn <= 0) return;
    let out = `\u001b[${this.drawn}A`;
    for (let i = 0; i < this.drawn; i++) out += '\r\u001b[2K\n';
    out += `\u001b[${this.drawn}A`;
    this.err.write(out);
    this.drawn = 0;
  }

  /** Stops redrawing, leaves the block drawn once more or cleared, gives the cursor back. Safe twice. */
  stop(last: 'draw' | 'clear'): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.drawn < 0) return;
    if (last === 'draw') this.draw();
    else this.clear();
    this.err.write('\u001b[?25h');
    this.drawn = -1;
  }
}
