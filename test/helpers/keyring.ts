// A private Secret Service for keychain tests: its own D-Bus session and an
// unlocked gnome-keyring in a throwaway HOME. Where dbus-run-session or
// gnome-keyring-daemon is missing, `missing` says what to install.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { removeDir, tempDir, trackChild } from './temp.js';

export interface SecretService {
  env: Record<string, string>;
  /** `secret-tool lookup …` inside the session; undefined when nothing is stored. */
  lookup(service: string, account: string): string | undefined;
  stop(): Promise<void>;
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

export function missingSecretService(): string | undefined {
  const lacking = ['dbus-run-session', 'gnome-keyring-daemon', 'secret-tool'].filter(
    (c) => !has(c),
  );
  if (lacking.length === 0) return undefined;
  return `skipped: ${lacking.join(', ')} not found; install them with \`apt-get install -y dbus gnome-keyring libsecret-tools\` to run the real keychain tests`;
}

export async function startSecretService(): Promise<SecretService> {
  const home = tempDir('ece-keyring-home-');
  const script =
    'printf %s keyring-test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; ' +
    'echo "BUS=$DBUS_SESSION_BUS_ADDRESS"; exec sleep 600';
  const child: ChildProcess = spawn('dbus-run-session', ['--', 'sh', '-c', script], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    },
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  });
  trackChild(child);
  const bus = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error('the D-Bus session did not start in 10s')),
      10_000,
    );
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /BUS=(\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`dbus-run-session exited with ${code}`)));
  });
  const env = { HOME: home, DBUS_SESSION_BUS_ADDRESS: bus };
  return {
    env,
    lookup(service, account) {
      const r = spawnSync('secret-tool', ['lookup', 'service', service, 'username', account], {
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
        timeout: 5_000,
      });
      return r.status === 0 && r.stdout !== '' ? r.stdout : undefined;
    },
    stop: async () => {
      if (child.pid && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          process.kill(-child.pid, 'SIGTERM');
          await exited;
        } catch {
          // already gone
        }
      }
      removeDir(home);
    },
  };
}
