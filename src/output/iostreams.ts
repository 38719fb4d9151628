// The streams a run writes to, with their terminal state. Tests build these
// with buffers and a chosen TTY state; the real ones wrap process.std*.

export interface OutStream {
  write(chunk: string): unknown;
}

export interface IOStreams {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Width of the terminal stdout is on; unbounded for a pipe. */
  columns: number;
}

export function systemIO(): IOStreams {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // process.stdin is a stream made on first use: most commands never read it.
    get stdin() {
      return process.stdin;
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    // A table forced into a pipe is not truncated unless COLUMNS asks for it.
    columns: process.stdout.isTTY
      ? process.stdout.columns || 80
      : Number(process.env.COLUMNS) || Number.POSITIVE_INFINITY,
  };
}
