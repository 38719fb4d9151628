// Runs the CLI in-process with buffers for its streams, a chosen TTY state,
// an isolated config dir and an environment that holds only what the test
// gives it.

import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { ClientOptions } from '../../src/api/client.js';
import type { CredentialStore } from '../../src/auth/credentials.js';
import { main } from '../../src/cli.js';
import type { Env } from '../../src/context.js';
import { memoryIO } from '../../src/output/memory-io.js';
import { audit, secretsOfRun } from './secrets.js';
import { removeDir, tempDir } from './temp.js';
import type { VirtualClock } from './time.js';

export { tempDir } from './temp.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Backoff delays the client asked for (instant in tests unless realSleep). */
  sleeps: number[];
}

export interface RunOptions {
  env?: Env;
  /** stdout is a terminal (default false: piped). */
  tty?: boolean;
  stderrTTY?: boolean;
  /** stdin is a terminal: the answer to a question is `stdin`. */
  stdinTTY?: boolean;
  /**
   * stdin is a terminal where a person types each of these, one per question,
   * once the question is on stderr (`stdin` holds one answer: a second
   * question would read nothing).
   */
  answers?: string[];
  columns?: number;
  stdin?: string;
  store?: CredentialStore;
  realSleep?: boolean;
  /** The CLI waits on this virtual clock (helpers/time.ts useVirtualClock): no real time, no race. */
  clock?: VirtualClock;
  client?: Partial<ClientOptions>;
  /** The user asked for a secret on stdout (see helpers/secrets.ts). */
  secretOnStdout?: boolean;
  /**
   * Ctrl-C in-process: aborting it is what SIGINT does to the binary
   * (src/main.ts), so a case about what an interrupted command says needs no process.
   */
  signal?: AbortSignal;
}

export async function run(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const sleeps: number[] = [];
  const answers = opts.answers ? [...opts.answers] : undefined;
  const typing = answers ? new PassThrough() : undefined;
  const io = memoryIO({
    out: (s) => {
      stdout += s;
    },
    err: (s) => {
      stderr += s;
      // A question ends in "[y/N] ": the person reads it, then types.
      if (typing && answers && answers.length > 0 && s.endsWith('] ')) {
        const answer = answers.shift();
        const last = answers.length === 0;
        // After the last answer the input ends: a question more fails (no answer given), not hangs.
        setImmediate(() => (last ? typing.end(`${answer}\n`) : typing.write(`${answer}\n`)));
      }
    },
    ...(opts.stdin === undefined ? {} : { stdin: opts.stdin }),
    stdoutIsTTY: opts.tty === true,
    stderrIsTTY: opts.stderrTTY ?? opts.tty === true,
    stdinIsTTY: opts.stdinTTY === true || typing !== undefined,
    columns: opts.columns ?? 100,
  });
  if (typing) io.stdin = typing;
  // A test that gives a home owns it (and removes it); else one per run.
  const given = opts.env?.HOME;
  const home = given ?? tempDir('ece-home-');
  const env: Env = { HOME: home, ECE_CONFIG_DIR: join(home, 'config'), ...opts.env };
  const { clock } = opts;
  const client: Partial<ClientOptions> = {
    ...(clock
      ? {
          sleep: (ms: number, signal?: AbortSignal) => {
            sleeps.push(ms);
            return clock.pause(ms, signal);
          },
          pause: (ms: number, signal?: AbortSignal) => clock.pause(ms, signal),
        }
      : opts.realSleep
        ? {}
        : {
            sleep: async (ms: number) => {
              sleeps.push(ms);
            },
          }),
    ...opts.client,
  };
  secretsOfRun(argv, env, opts.stdin);
  try {
    const code = await main(argv, {
      io,
      env,
      client,
      ...(opts.store ? { store: opts.store } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    audit(argv.join(' '), {
      stdout,
      stderr,
      configDir: env.ECE_CONFIG_DIR,
      secretOnStdout: opts.secretOnStdout === true,
      fileStorage: argv.includes('--insecure-storage'),
    });
    if (answers && answers.length > 0)
      throw new Error(`no question came for the answers ${JSON.stringify(answers)}:\n${stderr}`);
    return { code, stdout, stderr, sleeps };
  } finally {
    // The run's own home: nothing of it is returned, so it goes with the run.
    // A home the test gave is the test's to remove.
    if (given === undefined) removeDir(home);
  }
}
