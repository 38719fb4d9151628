// Upload progress on stderr: on a terminal one line redrawn in place (bytes
// sent, of how many, percentage), at most every 100 ms, cleared when the
// upload ends; nothing at all when stderr is not a terminal or the caller
// asked for quiet (--json, --quiet).

import type { IOStreams, MaskedIO, OutStream } from './iostreams.js';
import { sanitize } from './sanitize.js';

const EVERY_MS = 100;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

export class UploadProgress {
  private last = 0;
  private shown = false;
  /** The line draws with \r and an erase escape: it writes past the stderr sanitiser. */
  private readonly err: OutStream;
  private readonly label: string;

  constructor(
    private readonly io: IOStreams,
    name: string,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.err = (io as Partial<MaskedIO>).rawStderr ?? io.stderr;
    this.label = sanitize(name);
  }

  private get live(): boolean {
    return this.enabled && this.io.stderrIsTTY;
  }

  /** Called as bytes leave; draws when due and always at 100 %. */
  update(sent: number, total: number): void {
    if (!this.live) return;
    const t = this.now();
    if (sent < total && this.shown && t - this.last < EVERY_MS) return;
    this.last = t;
    this.shown = true;
    const pct = total === 0 ? 100 : Math.floor((sent / total) * 100);
    this.err.write(
      `\r\u001b[KUploading ${this.label}: ${formatBytes(sent)} of ${formatBytes(total)} (${pct}%)`,
    );
  }

  /** Clears the line (the final message is the command's). */
  end(): void {
    if (this.shown) this.err.write('\r\u001b[K');
    this.shown = false;
  }
}
