// Runs the real built binary (bin/ece.js → dist/) as a child process.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { audit, secretsOfRun } from './secrets.js';
import { removeDir, tempDir, trackChild } from './temp.js';

export const BIN = fileURLToPath(new URL('../../bin/ece.js', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface ProcResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  input?: string;
  /** Use env as it is, without the base environment under it (ece() has added it). */
  exactEnv?: boolean;
  /** The working directory (default: the test runner's). */
  cwd?: string;
  /** Called once the child is running, e.g. to send it a signal. */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
}

let codeCache: string | undefined;

/**
 * Only PATH and TMPDIR from the parent: nothing of the developer's ECE_* or
 * proxies leaks in. TMPDIR keeps what a child makes in the run's own temp
 * directory (and marks the child as the run's: scripts/run-tests.mjs looks
 * for survivors by it). The runs of one test file share a code cache, so most
 * of them run cached code. The home is removed when the file's process exits.
 */
export function baseEnv(): Record<string, string> {
  const home = tempDir('ece-home-');
  codeCache ??= tempDir('ece-cache-');
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    HOME: home,
    ECE_CONFIG_DIR: `${home}/config`,
    ECE_CACHE_DIR: codeCache,
  };
}

export async function ece(
  argv: string[],
  opts: SpawnOptions & { secretOnStdout?: boolean } = {},
): Promise<ProcResult> {
  if (!existsSync(DIST))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  const base = baseEnv();
  const env = { ...base, ...opts.env };
  secretsOfRun(argv, env, opts.input);
  try {
    const r = await spawnProc(process.execPath, [BIN, ...argv], { ...opts, env, exactEnv: true });
    audit(argv.join(' '), {
      stdout: r.stdout,
      stderr: r.stderr,
      configDir: env.ECE_CONFIG_DIR,
      cacheDir: env.ECE_CACHE_DIR,
      secretOnStdout: opts.secretOnStdout === true,
      fileStorage: argv.includes('--insecure-storage'),
    });
    return r;
  } finally {
    // The run's own home (when the test gave none) goes with the run.
    if (base.HOME) removeDir(base.HOME);
  }
}

export function spawnProc(
  cmd: string,
  args: string[],
  opts: SpawnOptions = {},
): Promise<ProcResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: opts.exactEnv ? opts.env : { ...baseEnv(), ...opts.env },
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    trackChild(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      // stderr is never the place for a secret or a stack trace, whoever runs.
      try {
        audit(`${cmd} ${args.join(' ')}`, { stdout: '', stderr });
      } catch (err) {
        reject(err);
        return;
      }
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
    opts.onSpawn?.(child);
  });
}

export interface SandboxProcess {
  vars: Record<string, string>;
  stderr(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `ece sandbox ARGS` as a child process, resolved once it printed its export lines. */
export function sandboxProcess(args: string[] = []): Promise<SandboxProcess> {
  if (!existsSync(DIST))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  const child = spawn(process.execPath, [BIN, 'sandbox', ...args], {
    env: baseEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sandbox did not start: ${err}`));
    }, 15_000);
    exited.then((code) => reject(new Error(`sandbox exited with ${code}: ${err}`)));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const vars = Object.fromEntries(
        [...out.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
      );
      const want = args.includes('--tls') ? 3 : 2;
      if (Object.keys(vars).length >= want) {
        clearTimeout(timer);
        resolve({
          vars,
          stderr: () => err,
          stop: (signal = 'SIGINT') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
  });
}
