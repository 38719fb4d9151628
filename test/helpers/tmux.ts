// A terminal for prompt tests: a private tmux server running one command,
// keys sent to it, and the screen read back.

import { spawnSync } from 'node:child_process';
import { shellQuote } from '../../src/api/curl.js';
import { audit } from './secrets.js';
import { atExit } from './temp.js';
import { deadline } from './time.js';

export function missingTmux(): string | undefined {
  return spawnSync('sh', ['-c', 'command -v tmux']).status === 0
    ? undefined
    : 'skipped: tmux not found; install it with `apt-get install -y tmux` to run the terminal prompt tests';
}

export interface Terminal {
  screen(): string;
  keys(...keys: string[]): void;
  /** Types text literally (no key names). */
  type(text: string): void;
  /** Polls the screen; gives up after SLACK × quietMs (helpers/time.ts). */
  waitFor(text: string | RegExp, quietMs?: number): Promise<string>;
  kill(): void;
  /** Whether the terminal's cursor is visible (tmux's cursor_flag). */
  cursorVisible(): boolean;
}

let counter = 0;

export function terminal(command: string[], env: Record<string, string>): Terminal {
  const socket = `ece-test-${process.pid}-${++counter}`;
  const tmux = (...args: string[]) =>
    spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        TERM: 'xterm',
        ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      },
    });
  const line = ['env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...command]
    .map(shellQuote)
    .join(' ');
  const started = tmux(
    'new-session',
    '-d',
    '-s',
    'ece',
    '-x',
    '120',
    '-y',
    '30',
    `${line}; echo "EXIT=$?"; sleep 60`,
  );
  if (started.status !== 0) throw new Error(`tmux failed: ${started.stderr}`);
  const forget = atExit(() => tmux('kill-server'));
  const screen = () => tmux('capture-pane', '-p', '-t', 'ece').stdout;
  return {
    screen,
    keys: (...keys) => void tmux('send-keys', '-t', 'ece', ...keys),
    type: (text) => void tmux('send-keys', '-t', 'ece', '-l', text),
    waitFor: async (text, quietMs = 2_000) => {
      const limit = deadline(quietMs);
      for (;;) {
        const s = screen();
        if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
        if (limit.passed())
          throw new Error(`timed out waiting for ${String(text)}; the screen:\n${s}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    kill: () => {
      // What the terminal showed goes through the same audit as every other run.
      const shown = screen();
      tmux('kill-server');
      forget();
      audit(command.join(' '), { stdout: '', stderr: shown });
    },
    cursorVisible: () =>
      tmux('display-message', '-p', '-t', 'ece', '#{cursor_flag}').stdout.trim() === '1',
  };
}
