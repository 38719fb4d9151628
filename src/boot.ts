// What bin/ece.js needs before the CLI loads (built to dist/boot.cjs): the
// version for the `--version` fast path, the directory for Node's compile
// cache, and the one V8 flag that pays on some Node versions.
//
// The compile cache (Node 22.1+, `module.enableCompileCache(dir)`) holds
// compiled code that Node runs, so its directory must be one that only this
// user can change. Node's default (a shared `node-compile-cache` in the
// system temp dir) is never used: ece creates its own under the user's cache
// directory, 0700, and checks it and every directory above it before use.
// Anything unexpected means: run uncached, and say nothing. Start-up never
// removes a file, and writes nothing outside that directory.

import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { makeDirs } from './mkdir.js';

declare const __ECE_VERSION__: string;

export const VERSION: string = __ECE_VERSION__;

type Env = Record<string, string | undefined>;

/** Where ece's cache directory is, or undefined for none (turned off, or no home). */
export function cacheRoot(env: Env, platform: NodeJS.Platform = process.platform) {
  if (env.ECE_NO_CODE_CACHE) return undefined;
  // Relative paths would move with the working directory: not a cache, a surprise.
  const absolute = (p: string | undefined) => (p && isAbsolute(p) ? p : undefined);
  if (env.ECE_CACHE_DIR) return absolute(env.ECE_CACHE_DIR);
  if (platform === 'win32') {
    const local =
      absolute(env.LOCALAPPDATA) ??
      (absolute(env.USERPROFILE) && join(env.USERPROFILE as string, 'AppData', 'Local'));
    return local && join(local, 'ece', 'Cache');
  }
  const home = absolute(env.HOME);
  if (platform === 'darwin') return home && join(home, 'Library', 'Caches', 'ece');
  const xdg = absolute(env.XDG_CACHE_HOME) ?? (home && join(home, '.cache'));
  return xdg && join(xdg, 'ece');
}

/**
 * The compile-cache directory, created if missing, or undefined when it
 * cannot be created or is not safe. Made step by step (src/mkdir.ts).
 */
export function compileCacheDir(env: Env, uid = process.getuid?.()): string | undefined {
  const root = cacheRoot(env);
  if (!root) return undefined;
  try {
    const dir = resolve(root);
    makeDirs(dir);
    return safe(realpathSync(dir), uid) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The directory is this user's and only theirs to write; no directory above
 * it lets anyone else rename it away (root's or this user's, and not
 * writable by others unless sticky, like /tmp). Without uids (Windows) the
 * per-user profile directory is trusted.
 */
function safe(real: string, uid: number | undefined): boolean {
  if (uid === undefined) return statSync(real).isDirectory();
  const own = statSync(real);
  if (!own.isDirectory() || own.uid !== uid || (own.mode & 0o022) !== 0) return false;
  for (let p = dirname(real); ; p = dirname(p)) {
    const st = statSync(p);
    const sticky = (st.mode & 0o1000) !== 0;
    if ((st.uid !== uid && st.uid !== 0) || ((st.mode & 0o022) !== 0 && !sticky)) return false;
    if (dirname(p) === p) return true;
  }
}

/**
 * V8 flags for a short-lived process, set before the first WebAssembly
 * compile (undici's HTTP parser), on the Node versions where they pay.
 * `--liftoff-only`: V8 otherwise tiers the parser up in the background and
 * holds the exit for it. Measured here (docs/performance.md, `deployments
 * list --json`, medians): Node 20.20 −90 ms; Node 24.x +25 ms (its tier-up
 * no longer holds the exit, and Liftoff code parses slower); Node 22 not
 * measured, so left alone.
 */
export function tuneV8(nodeVersion: string = process.versions.node): void {
  // node:v8 is loaded only where it is used (this file is built as CommonJS).
  if (nodeVersion.split('.')[0] === '20')
    (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--liftoff-only');
}
