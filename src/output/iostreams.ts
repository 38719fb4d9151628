// The streams a run writes to, with their terminal state. Tests build these
// with buffers and a chosen TTY state; the real ones wrap process.std*.

import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type tty from 'node:tty';
import { CliError } from '../errors.js';
import { MASK, replaceWhole } from '../mask.js';
import { sanitizeText } from './sanitize.js';

export interface OutStream {
  /** Text, or bytes exactly as received (--json of a body that is not valid UTF-8). */
  write(chunk: string | Uint8Array): unknown;
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
  const stdout = new StdStream(1);
  const stderr = new StdStream(2);
  return {
    stdout,
    stderr,
    // process.stdin is a stream made on first use: most commands never read it.
    get stdin() {
      return process.stdin;
    },
    stdoutIsTTY: stdout.isTTY,
    stderrIsTTY: stderr.isTTY,
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    // A table forced into a pipe is not truncated unless COLUMNS asks for it.
    columns: stdout.isTTY
      ? process.stdout.columns || 80
      : Number(process.env.COLUMNS) || Number.POSITIVE_INFINITY,
  };
}

/**
 * stdout or stderr. A terminal gets Node's own stream. A pipe or a file is
 * written with writeSync: Node's stream for a pipe is synchronous on Linux
 * anyway, and making it loads the net and stream modules, a few ms of every
 * run that prints (docs/performance.md). A descriptor that answers EAGAIN
 * (non-blocking, shared with a parent) hands over to Node's stream for good,
 * so the order of the output holds.
 */
class StdStream implements OutStream {
  readonly isTTY: boolean;
  private stream: NodeJS.WriteStream | undefined;

  constructor(private readonly fd: 1 | 2) {
    // Only a character device can be a terminal; asking tty would load net.
    this.isTTY = isCharacterDevice(fd) && (nodeRequire('node:tty') as typeof tty).isatty(fd);
  }

  write(chunk: string | Uint8Array): boolean {
    if (this.isTTY || this.stream) return this.node().write(chunk);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(this.fd, bytes, done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') return this.node().write(bytes.subarray(done));
      if (code === 'EPIPE') return this.brokenPipe();
      // Output that cannot be written (a full disk) is an error, said once;
      // diagnostics that cannot be written are lost, not a second error.
      if (this.fd === 2) return false;
      throw new CliError(`cannot write to standard output (${(err as Error).message})`);
    }
    return true;
  }

  private node(): NodeJS.WriteStream {
    if (!this.stream) {
      this.stream = this.fd === 1 ? process.stdout : process.stderr;
      this.stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') this.brokenPipe();
      });
    }
    return this.stream;
  }

  /**
   * `ece … | head -1`: the reader went away, which is not an error; stop as
   * we would have ended. A closed stderr loses only diagnostics.
   */
  private brokenPipe(): boolean {
    if (this.fd === 1) process.exit(process.exitCode ?? 0);
    return false;
  }
}

// The built CLI is CommonJS and has require(); from source (tests) it is made.
const nodeRequire = typeof require === 'function' ? require : createRequire(import.meta.url);

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/** What a masked secret shows as (the same as in --verbose traces). */
export const SECRET_MASK = MASK;
/** Shorter strings are too common to mask without garbling ordinary text. */
const MIN_SECRET = 6;

/**
 * The secrets a run knows (the credential in use, passwords read, tokens
 * received, keys created). Every line written through maskedIO() has them
 * masked; `reveal` lets one through on stdout where the user asked for it
 * (`ece auth token`, a created key).
 */
export class Secrets {
  private readonly all = new Set<string>();
  private readonly onStdout = new Set<string>();

  add(secret: string | undefined): void {
    if (secret !== undefined && secret.length >= MIN_SECRET) this.all.add(secret);
  }

  reveal(secret: string): void {
    this.onStdout.add(secret);
  }

  /** Each secret masked where it stands as a value, not inside a longer name (see mask.ts). */
  mask(text: string, stdout: boolean): string {
    let out = text;
    for (const s of this.all) {
      if (stdout && this.onStdout.has(s)) continue;
      if (out.includes(s)) out = replaceWhole(out, s, SECRET_MASK);
    }
    return out;
  }

  /** Bytes stay bytes (exact) unless a secret in them is masked. */
  maskBytes(bytes: Uint8Array, stdout: boolean): string | Uint8Array {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const s of this.all) {
      if (stdout && this.onStdout.has(s)) continue;
      if (buf.includes(s)) {
        const text = buf.toString('utf8');
        const masked = this.mask(text, stdout);
        return masked === text ? bytes : masked;
      }
    }
    return bytes;
  }
}

/** Streams that mask every secret the run knows; stdout can also be made safe for a terminal. */
export interface MaskedIO extends IOStreams {
  /** stdout for the renderer: masked, not sanitised again (it sanitises cell by cell). */
  readonly rendered: OutStream;
  /**
   * stderr for what draws on the terminal on purpose (live progress, prompt
   * echo): masked, not sanitised. Everything else on `stderr` is sanitised.
   */
  readonly rawStderr: OutStream;
  /**
   * From now on, text written to `stdout` directly (not through the
   * renderer) is sanitised: a command's own lines in a table or TSV run
   * (`Name: …` of `deployments show`) cannot drive the terminal either.
   */
  humanStdout(sanitise: (s: string) => string): void;
}

/** The same streams, with every secret the run knows masked in what is written. */
export function maskedIO(io: IOStreams, secrets: Secrets): MaskedIO {
  const wrap = (stream: OutStream, stdout: boolean): OutStream => ({
    write: (chunk) =>
      stream.write(
        typeof chunk === 'string' ? secrets.mask(chunk, stdout) : secrets.maskBytes(chunk, stdout),
      ),
  });
  const rendered = wrap(io.stdout, true);
  let sanitise: ((s: string) => string) | undefined;
  const stdout: OutStream = {
    write: (chunk) =>
      rendered.write(sanitise && typeof chunk === 'string' ? sanitise(chunk) : chunk),
  };
  const rawStderr = wrap(io.stderr, false);
  // Messages, warnings, notes: a name or message from ECE in them cannot drive the terminal.
  const stderr: OutStream = {
    write: (chunk) => rawStderr.write(typeof chunk === 'string' ? sanitizeText(chunk) : chunk),
  };
  // Object.create keeps io's lazy getters (stdin) lazy.
  return Object.create(io, {
    stdout: { value: stdout, enumerable: true },
    stderr: { value: stderr, enumerable: true },
    rendered: { value: rendered },
    rawStderr: { value: rawStderr },
    humanStdout: {
      value: (fn: (s: string) => string) => {
        sanitise = fn;
      },
    },
  }) as MaskedIO;
}
