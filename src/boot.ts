// The built binary's entry (dist/ece.cjs, run by bin/ece.js). It answers
// `--version` before anything loads, then runs the CLI's CommonJS bundles
// through V8's code cache, so that a run does not parse and compile the
// JavaScript the previous run already compiled (Node 20 has no compile cache
// of its own; Node 22's `module.enableCompileCache()` does the same).
//
// Bundles: dist/cli.cjs (the CLI) and dist/lib/*.cjs (undici, YAML, conf, …),
// loaded on first use. The cache of a bundle is written once, when a run
// found none (or V8 refused it), to ECE_CACHE_DIR or the per-user cache
// directory, in a directory of its own per Node version. It holds compiled
// code of ece's own files, never data of a run. ECE_NO_CODE_CACHE turns it off.

import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

declare const __ECE_VERSION__: string;
/** Bundle name (`cli`, `lib/yaml`, …) → hash of its content, written by the build. */
declare const __ECE_BUNDLES__: Record<string, string>;
/** Each top-level command's names (name first, then aliases), written by the build. */
declare const __ECE_COMMANDS__: string[][];

type Env = Record<string, string | undefined>;

/** Where code caches live, or undefined when there is no place for them. */
export function cacheBase(env: Env, platform: NodeJS.Platform = process.platform) {
  if (env.ECE_NO_CODE_CACHE) return undefined;
  if (env.ECE_CACHE_DIR) return env.ECE_CACHE_DIR;
  const home = env.HOME || env.USERPROFILE;
  if (!home) return undefined;
  if (platform === 'win32')
    return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'ece', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'ece');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'ece');
}

/** A directory only this user can write, or none: V8 runs what a cache file holds. */
function safeDir(dir: string): boolean {
  try {
    const st = statSync(dir);
    const uid = process.getuid?.();
    return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** The command a run names: the CLI bundle keeps one cache per command, trained by its first run. */
function commandOf(argv: string[]): string {
  for (const word of argv)
    for (const names of __ECE_COMMANDS__) if (names.includes(word)) return names[0] as string;
  return 'ece';
}

const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';

class Bundles {
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly unsaved: { script: Script; file: string; bundle: string; build: string }[] = [];

  constructor(
    private readonly dist: string,
    private readonly cacheDir: string | undefined,
    private readonly command: string,
  ) {}

  load(name: string): unknown {
    const done = this.modules.get(name);
    if (done) return done.exports;
    const file = join(this.dist, `${name}.cjs`);
    const hash = __ECE_BUNDLES__[name];
    // cli.HASH.deployments.v8, lib-yaml.HASH.v8: '.' never occurs in a bundle's name.
    const base = name.replace('/', '-');
    const cacheFile =
      this.cacheDir && hash
        ? join(this.cacheDir, `${base}.${hash}${name === 'cli' ? `.${this.command}` : ''}.v8`)
        : undefined;
    let cachedData: Buffer | undefined;
    if (cacheFile)
      try {
        cachedData = readFileSync(cacheFile);
      } catch {}
    const script = new Script(`${WRAPPER}${readFileSync(file, 'utf8')}\n})`, {
      filename: file,
      cachedData,
    });
    if (cacheFile && (!cachedData || script.cachedDataRejected))
      this.unsaved.push({ script, file: cacheFile, bundle: `${base}.`, build: `${base}.${hash}.` });
    const module = { exports: {} };
    this.modules.set(name, module);
    const nodeRequire = createRequire(file);
    // The bundles name each other as ./lib/NAME.cjs; everything else is Node's.
    const bundleRequire = (id: string) => {
      const lib = /^\.\/(lib\/[a-z0-9-]+)\.cjs$/.exec(id);
      return lib ? this.load(lib[1] as string) : nodeRequire(id);
    };
    script.runInThisContext()(module.exports, bundleRequire, module, file, dirname(file));
    return module.exports;
  }

  /**
   * At exit: caches for the bundles that had none. Caches of other builds
   * (an upgrade) and other Node versions, and files a crashed writer left,
   * go once a week has passed since they were written: two installs of ece
   * side by side keep theirs.
   */
  save(): void {
    if (!this.cacheDir || this.unsaved.length === 0) return;
    const stale = (path: string) => statSync(path).mtimeMs < Date.now() - STALE_MS;
    try {
      mkdirSync(this.cacheDir, { recursive: true, mode: 0o700 });
      for (const { script, file, bundle, build } of this.unsaved) {
        const tmp = `${file}.${process.pid}.tmp`;
        try {
          writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
          renameSync(tmp, file);
        } catch {
          rmSync(tmp, { force: true });
        }
        for (const old of readdirSync(this.cacheDir)) {
          const path = join(this.cacheDir, old);
          const leftover =
            old.endsWith('.tmp') || (old.startsWith(bundle) && !old.startsWith(build));
          if (leftover && stale(path)) rmSync(path, { force: true });
        }
      }
      const parent = dirname(this.cacheDir);
      for (const old of readdirSync(parent)) {
        const path = join(parent, old);
        if (old.startsWith('v8-') && path !== this.cacheDir && stale(path))
          rmSync(path, { recursive: true, force: true });
      }
    } catch {
      // A cache is an optimisation: a read-only or full disk changes nothing else.
    }
  }
}

/** How long a cache of another build or Node version is kept. */
const STALE_MS = 7 * 24 * 60 * 60 * 1000;

export function boot(dist: string): void {
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${__ECE_VERSION__}\n`);
    return;
  }
  // V8 flags for a short-lived process, set before any bundle compiles (V8
  // refuses a code cache made under other flags):
  // - undici parses HTTP with WebAssembly; V8 optimises that module in the
  //   background and holds the process's exit ~130 ms for it. A CLI's few
  //   responses parse fast enough with the baseline compiler alone.
  // - a large response (10,000 deployments) fills the young generation while
  //   it is parsed, and nearly all of it survives; growing that space 16-fold
  //   instead of 2-fold takes 2 scavenges instead of 6.
  const v8 = require('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString('--liftoff-only');
  v8.setFlagsFromString('--semi-space-growth-factor=16');
  const base = cacheBase(process.env);
  let dir = base && join(base, `v8-${process.version}-${process.arch}`);
  if (dir && !safeDir(dir)) dir = undefined;
  const bundles = new Bundles(dist, dir, commandOf(argv));
  process.on('exit', () => bundles.save());
  let cli: { start(): Promise<void> };
  try {
    cli = bundles.load('cli') as typeof cli;
  } catch (err) {
    // A broken install (a bundle missing or unreadable): one line, no stack.
    process.stderr.write(
      `error: ece cannot start: ${(err as Error).message.split('\n')[0]} (reinstall ece)\n`,
    );
    process.exitCode = 1;
    return;
  }
  void cli.start();
}
