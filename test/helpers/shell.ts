// The one door through which an in-process (fast tier) test starts a process:
// a dry run's printed curl line, run by sh and curl as a user would paste it.
// A curl run is short and starts no Node: it stays beside the in-process
// case it checks (docs/testing.md). Anything else that needs a process is an
// e2e test (test/e2e/, helpers/e2e.ts).

import { spawn } from 'node:child_process';
import { trackChild } from './temp.js';

export interface ShellResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `sh -c line` with exactly `env` (PATH is added when missing). */
export function shell(line: string, env: Record<string, string>): Promise<ShellResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', line], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    trackChild(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
