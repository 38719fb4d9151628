// The built binary's start-up and Node's compile cache (bin/ece.js,
// src/boot.ts): the cache lives only in ece's own directory, made 0700 and
// checked before use; anything else is an uncached run that looks exactly
// like a cached one. Start-up never writes or removes a file elsewhere.
//
// Node 20 has no compile cache: there the cases check that nothing is
// written or removed and that runs are unchanged; the cases about what the
// cache holds are skipped with the reason.

import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deploymentsListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { BIN, type ProcResult, spawnProc } from '../helpers/e2e.js';
import { json, startServer, type TestServer } from '../helpers/server.js';

const KEY = 'codecache-test-key-5c1e';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Not in @types/node 20: the type checker knows the oldest Node we support.
const HAS_CACHE =
  typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const NO_CACHE = HAS_CACHE ? false : `Node ${process.version} has no compile cache (22.1+)`;
const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/** The nearest directory above `path` that other users cannot enter, if any. */
function privateAncestor(path: string): string | undefined {
  for (let p = dirname(path); ; p = dirname(p)) {
    if ((statSync(p).mode & 0o001) === 0) return p;
    if (p === dirname(p)) return undefined;
  }
}

/** Every path under dir with what a write or removal would change. */
function tree(dir: string, skip: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string) => {
    if (skip.includes(p)) return;
    const st = statSync(p);
    out[p] =
      `${st.isDirectory() ? 'd' : 'f'} ${(st.mode & 0o7777).toString(8)} ${st.uid} ${st.size} ${st.mtimeMs}`;
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
  };
  walk(dir);
  return out;
}

/** Regular files under dir, recursively. */
const filesIn = (dir: string) =>
  Object.entries(existsSync(dir) ? tree(dir) : {})
    .filter(([, v]) => v.startsWith('f'))
    .map(([p]) => p);

describe('start-up and the compile cache of the built binary', () => {
  let server: TestServer;
  let home: string;
  let expected: ProcResult;
  before(async () => {
    server = await startServer((_q, res) => json(res, 200, deploymentsListText));
    expected = await list({ ECE_NO_CODE_CACHE: '1' });
    assert.deepEqual([expected.code, expected.stderr], [0, '']);
    assert.match(expected.stdout, /\t/);
  });
  after(() => server.close());

  /**
   * The binary with only these variables (and PATH, a new HOME, a config
   * dir). A run that has not ended in 20 s is killed: the test fails, not hangs.
   */
  const run = (argv: string[], env: Record<string, string>) => {
    home = tempDir('ece-home-');
    return spawnProc(process.execPath, [BIN, ...argv], {
      exactEnv: true,
      onSpawn: (child) => setTimeout(() => child.kill('SIGKILL'), 20_000).unref(),
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        ECE_CONFIG_DIR: join(home, 'config'),
        ...env,
      },
    });
  };
  const list = (env: Record<string, string>) =>
    run(['deployments', 'list', '--host', server.url], { ECE_API_KEY: KEY, ...env });
  /** The run printed what an uncached run prints, and nothing on stderr. */
  const unchanged = (r: ProcResult) =>
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, expected.stdout, '']);

  it('the first run fills ece’s own directory (0700), later runs use it, output unchanged', {
    skip: NO_CACHE,
  }, async () => {
    const xdg = tempDir('ece-xdg-');
    const dir = join(xdg, 'ece');
    unchanged(await list({ XDG_CACHE_HOME: xdg }));
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    const cached = filesIn(dir);
    assert.ok(cached.length >= 5, `only ${cached.length} files cached`);
    for (const f of cached)
      assert.ok(!readFileSync(f).includes(KEY), `${f} holds the API key: a run's data`);
    const first = tree(dir);
    unchanged(await list({ XDG_CACHE_HOME: xdg }));
    assert.deepEqual(tree(dir), first, 'a cached run rewrote its cache');
    // ECE_NO_CODE_CACHE: compiles every run, touches nothing.
    unchanged(await list({ XDG_CACHE_HOME: xdg, ECE_NO_CODE_CACHE: '1' }));
    assert.deepEqual(tree(dir), first);
  });

  it('ECE_CACHE_DIR moves it; a missing one is created 0700', { skip: NO_CACHE }, async () => {
    const dir = join(tempDir('ece-cc-'), 'a', 'b');
    unchanged(await list({ ECE_CACHE_DIR: dir }));
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(join(dir, '..')).mode & 0o777, 0o700);
    assert.ok(filesIn(dir).length >= 5);
  });

  it('a cache directory owned by another user is not used, and nothing is said', {
    skip: IS_ROOT ? false : 'needs root to give a directory to another user',
  }, async () => {
    const dir = tempDir('ece-cc-');
    chownSync(dir, NOBODY, NOBODY);
    unchanged(await list({ ECE_CACHE_DIR: dir }));
    assert.deepEqual(readdirSync(dir), []);
    // The same under XDG_CACHE_HOME: ece's directory there is another user's.
    const xdg = tempDir('ece-xdg-');
    mkdirSync(join(xdg, 'ece'), { mode: 0o700 });
    chownSync(join(xdg, 'ece'), NOBODY, NOBODY);
    unchanged(await list({ XDG_CACHE_HOME: xdg }));
    assert.deepEqual(readdirSync(join(xdg, 'ece')), []);
  });

  for (const mode of [0o770, 0o707, 0o777, 0o1777])
    it(`a cache directory others can write (${mode.toString(8)}) is not used`, async () => {
      const dir = tempDir('ece-cc-');
      chmodSync(dir, mode);
      unchanged(await list({ ECE_CACHE_DIR: dir }));
      assert.deepEqual(readdirSync(dir), []);
    });

  it('a directory above it that others can write (not sticky) makes it unused', async () => {
    const open = tempDir('ece-open-');
    chmodSync(open, 0o777);
    const dir = join(open, 'mine');
    mkdirSync(dir, { mode: 0o700 });
    unchanged(await list({ ECE_CACHE_DIR: dir }));
    assert.deepEqual(readdirSync(dir), []);
  });

  it('start-up writes and removes nothing outside ece’s own directory, and never uses Node’s default', async () => {
    const xdg = tempDir('ece-xdg-');
    const tmp = tempDir('ece-tmp-');
    const week = (Date.now() - 8 * 24 * 3600 * 1000) / 1000;
    // The user's own things beside ours, and in ours, old enough for any clean-up.
    for (const p of [join(xdg, 'other-tool'), join(xdg, 'v8-project-notes')]) {
      mkdirSync(p);
      writeFileSync(join(p, 'notes.md'), 'mine');
      utimesSync(join(p, 'notes.md'), week, week);
      utimesSync(p, week, week);
    }
    mkdirSync(join(xdg, 'ece'), { mode: 0o700 });
    for (const name of ['v8-project-notes', 'v20.0.0-x64-old', 'node-compile-cache']) {
      mkdirSync(join(xdg, 'ece', name));
      writeFileSync(join(xdg, 'ece', name, 'keep'), 'mine');
      utimesSync(join(xdg, 'ece', name, 'keep'), week, week);
      utimesSync(join(xdg, 'ece', name), week, week);
    }
    // Everything but what Node's cache adds in ece's directory.
    const ours = join(xdg, 'ece');
    const mine = (t: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(t).filter(
          ([p]) =>
            p !== ours && (!p.startsWith(`${ours}/`) || /(v8-project|-old|node-compile)/.test(p)),
        ),
      );
    const outside = mine(tree(xdg));
    for (let i = 0; i < 3; i++)
      for (const argv of [['--help'], ['--version'], ['deployments', '--help']]) {
        const r = await run(argv, { XDG_CACHE_HOME: xdg, TMPDIR: tmp });
        assert.equal(r.code, 0, r.stderr);
      }
    unchanged(await list({ XDG_CACHE_HOME: xdg, TMPDIR: tmp }));
    assert.deepEqual(mine(tree(xdg)), outside);
    assert.deepEqual(readdirSync(tmp), [], 'something was written to the temp dir');
    // Node 20: no compile cache, so nothing at all was written in ece's directory either.
    if (!HAS_CACHE)
      assert.deepEqual(readdirSync(join(xdg, 'ece')).sort(), [
        'node-compile-cache',
        'v20.0.0-x64-old',
        'v8-project-notes',
      ]);
  });

  it('HOME is left alone: nothing but ~/.cache/ece is created', async () => {
    const r = await run(['deployments', 'list', '--host', server.url], { ECE_API_KEY: KEY });
    assert.deepEqual([r.code, r.stderr], [0, '']);
    const made = Object.keys(tree(home, [join(home, '.cache', 'ece')])).map((p) =>
      p.slice(home.length),
    );
    assert.deepEqual(made, HAS_CACHE ? ['', '/.cache'] : ['']);
  });

  it('XDG_CACHE_HOME=/proc/nope: the run ends, uncached and unchanged (it used to spin forever)', async () => {
    unchanged(await list({ XDG_CACHE_HOME: '/proc/nope' }));
    unchanged(await list({ ECE_CACHE_DIR: '/proc/nope/deeper/still' }));
    const help = await run(['--help'], { XDG_CACHE_HOME: '/proc/nope' });
    assert.deepEqual([help.code, help.signal, help.stderr], [0, null, '']);
  });

  it('a cache directory that cannot be made (under a file, relative) changes nothing', async () => {
    const file = join(tempDir('ece-cc-'), 'a-file');
    writeFileSync(file, '');
    unchanged(await list({ ECE_CACHE_DIR: join(file, 'cache') }));
    unchanged(await list({ ECE_CACHE_DIR: 'relative/cache' }));
    assert.equal(existsSync(join(ROOT, 'relative')), false);
  });

  it('a read-only cache location leaves the run uncached and unchanged', async (t) => {
    const xdg = tempDir('ece-ro-');
    chmodSync(xdg, 0o555);
    // root writes anywhere: the run goes to nobody, for whom xdg is read-only.
    const r = await asUser(IS_ROOT ? NOBODY : undefined, xdg);
    if (r === 'EACCES') {
      t.skip(`user nobody cannot run ${process.execPath} (a private directory above it)`);
      return;
    }
    if (typeof r === 'string') {
      t.skip(`user nobody cannot run the built files: ${r}`);
      return;
    }
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, expected.stdout, '']);
    assert.deepEqual(readdirSync(xdg), []);
  });

  it('a broken install (a file of dist/ missing) is one line and exit 1, not a stack trace', async () => {
    const root = tempDir('ece-install-');
    // Copies, not links: the test runner's tree links bin/ and dist/ to the checkout's.
    const copy = { recursive: true, dereference: true };
    cpSync(join(ROOT, 'bin'), join(root, 'bin'), copy);
    cpSync(join(ROOT, 'dist'), join(root, 'dist'), copy);
    cpSync(join(ROOT, 'package.json'), join(root, 'package.json'), copy);
    rmSync(join(root, 'dist', 'cli.js'));
    const r = await spawnProc(process.execPath, [join(root, 'bin', 'ece.js'), '--help']);
    assert.deepEqual([r.code, r.stdout], [1, '']);
    assert.match(
      r.stderr,
      /^error: ece cannot start: Cannot find module .*cli\.js'.* \(reinstall ece\)\n$/,
    );
  });

  it('--help loads no HTTP client, TLS or keychain (lazy command groups); a request does', async () => {
    // Node's own list of the modules it loaded, and require's cache, at exit.
    const probe = `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify([
      ...process.moduleLoadList, ...Object.keys(require.cache)]) + '\\n'));
      require(process.argv[1]);`;
    const loaded = async (argv: string[]) => {
      const r = await spawnProc(process.execPath, ['-e', probe, BIN, ...argv], {
        env: { ECE_API_KEY: KEY, ECE_NO_CODE_CACHE: '1' },
      });
      assert.equal(r.code, 0, r.stderr);
      const line = /^LOADED (.*)$/m.exec(r.stderr)?.[1] ?? '[]';
      const mods = JSON.parse(line) as string[];
      return [
        'NativeModule http',
        'NativeModule _tls_wrap',
        'NativeModule crypto',
        'keyring',
      ].filter((m) => mods.some((x) => x === m || (m === 'keyring' && x.includes('keyring'))));
    };
    assert.deepEqual(await loaded(['--help']), []);
    assert.deepEqual(await loaded(['deployments', '--help']), []);
    // The control: the probe sees a request load the HTTP client (TLS loads only for https on Node 24).
    assert.ok(
      (await loaded(['deployments', 'list', '--host', server.url])).includes('NativeModule http'),
    );
  });

  /**
   * `deployments list` as another user (or this one), with XDG_CACHE_HOME=xdg.
   * Another user runs a copy of the built files in a directory it can read:
   * the checkout may sit in a private directory (a `mktemp -d` clone, a home
   * of mode 0700) that only its owner can enter.
   */
  function asUser(uid: number | undefined, xdg: string): Promise<ProcResult | 'EACCES' | string> {
    const dir = tempDir('ece-user-');
    chmodSync(dir, 0o755);
    chmodSync(xdg, 0o555);
    let bin = BIN;
    if (uid !== undefined) {
      const install = tempDir('ece-install-');
      chmodSync(install, 0o755);
      for (const part of ['bin', 'dist', 'package.json'])
        cpSync(join(ROOT, part), join(install, part), { recursive: true, dereference: true });
      const closed = privateAncestor(install);
      if (closed) return Promise.resolve(`another user cannot enter ${closed} (where TMPDIR is)`);
      bin = join(install, 'bin', 'ece.js');
    }
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'deployments', 'list', '--host', server.url], {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: dir,
          XDG_CACHE_HOME: xdg,
          ECE_CONFIG_DIR: join(dir, 'config'),
          ECE_API_KEY: KEY,
        },
        ...(uid === undefined ? {} : { uid, gid: uid }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', (err: NodeJS.ErrnoException) =>
        err.code === 'EACCES' ? resolve('EACCES') : reject(err),
      );
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
  }
});
