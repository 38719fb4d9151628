// Colour is decided once per run, from --no-color, NO_COLOR, FORCE_COLOR and
// whether the stream is a terminal. chalk's own detection reads the process
// globals, so it is bypassed: callers get an instance with the level set.

import type { ChalkInstance } from 'chalk';

export type ColorLevel = 0 | 1 | 2 | 3;

export function colorLevel(
  opts: { noColor: boolean; isTTY: boolean },
  env: Record<string, string | undefined>,
): ColorLevel {
  if (opts.noColor) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!opts.isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM?.includes('256')) return 2;
  return 1;
}

/** chalk (with tty and os) is loaded only when there is colour to draw. */
export async function makeChalk(level: ColorLevel): Promise<ChalkInstance> {
  if (level === 0) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}

/**
 * What chalk at level 0 does: every style returns its text as it is. Not a
 * thenable (`then` is undefined), or `await` would wait for it forever.
 */
const PLAIN: ChalkInstance = new Proxy(() => undefined, {
  get: (_target, key) =>
    key === 'level' ? 0 : typeof key === 'string' && key !== 'then' ? PLAIN : undefined,
  apply: (_target, _this, args: unknown[]) => args.join(' '),
}) as unknown as ChalkInstance;
