// The package as users get it: `npm pack` ships bin/ and dist/; installed
// globally from the tarball, with `npx` from the tarball, and from a git
// clone (where npm runs `prepare`, which builds), `ece --version` and
// `ece deployments list` work; the installed node_modules hold only what
// dist/ loads at run time (the keychain's native binding), never a library
// that dist/ bundles.
//
// npm installs from its cache (--prefer-offline): the registry is asked only
// for what the cache lacks. The git route is a local install of
// git+file://<clone of HEAD> (docs/install.md says why not `-g`: npm/cli#8440).
// Skipped, saying why, when npm is not available.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deploymentsListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/server.js';

// The checkout itself, also when the test runs from the runner's compiled tree,
// whose bin/ and dist/ are links (npm pack leaves links out).
const ROOT = dirname(realpathSync(fileURLToPath(new URL('../../package.json', import.meta.url))));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface Out {
  code: number;
  stdout: string;
  stderr: string;
}

/** npm's environment: PATH and HOME (its cache and config), none of `npm test`'s npm_* variables. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^npm_/i.test(k) || /^npm_config_(cache|registry|userconfig)$/i.test(k)) e[k] = v;
  for (const k of Object.keys(e)) if (/^ECE_|_PROXY$|^NO_PROXY$/i.test(k)) delete e[k];
  return { ...e, npm_config_update_notifier: 'false', npm_config_fund: 'false', ...extra };
}

function sh(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<Out>((resolve) => {
    execFile(
      cmd,
      args,
      { cwd: opts.cwd ?? ROOT, env: opts.env ?? env(), maxBuffer: 64 << 20, timeout: 240_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

const npmVersion = await sh('npm', ['--version']);
const skip = npmVersion.code === 0 ? false : 'npm is not available on PATH: package test skipped';

/** Package names under a node_modules directory (scoped ones as @scope/name), recursively. */
function installed(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.')) return [];
    if (name.startsWith('@'))
      return readdirSync(join(dir, name)).flatMap((sub) => [
        `${name}/${sub}`,
        ...installed(join(dir, name, sub, 'node_modules')),
      ]);
    return [name, ...installed(join(dir, name, 'node_modules'))];
  });
}

describe('the npm package', { skip, concurrency: true }, () => {
  let server: TestServer;
  let work: string;
  let tarball: string;
  before(async () => {
    assert.ok(existsSync(join(ROOT, 'dist/cli.js')), 'dist/ is missing: run `npm run build` first');
    server = await startServer((_q, res) => json(res, 200, deploymentsListText));
    work = tempDir('ece-package-');
    // --ignore-scripts: dist/ is built already (npm test builds first), and
    // rebuilding it here would pull it from under tests running beside this one.
    const packed = await sh('npm', [
      'pack',
      '--ignore-scripts',
      '--json',
      '--pack-destination',
      work,
      '--loglevel=error',
    ]);
    assert.equal(packed.code, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as { filename: string }[];
    tarball = join(work, info?.filename ?? '');
  });
  after(async () => {
    // The installs hold the devDependencies (the git route): over 100 MB a run.
    if (work) rmSync(work, { recursive: true, force: true });
    await server?.close();
  });

  /** `ece --version` and `ece deployments list --json` of an installed binary. */
  async function works(bin: string[], how: string) {
    const e = env({ HOME: tempDir('ece-home-') });
    const version = await sh(bin[0] ?? '', [...bin.slice(1), '--version'], { env: e });
    assert.deepEqual(
      [version.code, version.stdout],
      [0, `${pkg.version}\n`],
      `${how}: ${version.stderr}`,
    );
    const list = await sh(bin[0] ?? '', [...bin.slice(1), 'deployments', 'list', '--json'], {
      env: { ...e, ECE_HOST: server.url, ECE_API_KEY: 'package-test-key' },
    });
    assert.deepEqual([list.code, list.stdout, list.stderr], [0, deploymentsListText, ''], how);
  }

  it('the runtime dependencies are exactly what the build leaves out of dist/ (esbuild external)', () => {
    const build = readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8');
    const externals = [...build.matchAll(/external: \[([^\]]*)\]/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/'([^']+)'/g)].map((q) => q[1]),
    );
    assert.deepEqual(externals.sort(), Object.keys(pkg.dependencies).sort());
  });

  it('npm pack ships bin/ and dist/ (and package.json, README), nothing else', async () => {
    const r = await sh('npm', [
      'pack',
      '--dry-run',
      '--ignore-scripts',
      '--json',
      '--loglevel=error',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]?.files.map(
      (f) => f.path,
    );
    assert.ok(files?.includes('dist/cli.js'), 'dist/cli.js is not packed');
    assert.ok(files?.includes('dist/boot.cjs'), 'dist/boot.cjs is not packed');
    assert.ok(files?.includes('bin/ece.js'), 'bin/ece.js is not packed');
    const others = files?.filter(
      (f) => !/^(bin|dist)\//.test(f) && !/^(package\.json|README\.md|LICENSE)$/.test(f),
    );
    assert.deepEqual(others, []);
  });

  it('npm install -g <tarball>: a working ece, and node_modules without bundled libraries', async () => {
    const prefix = join(work, 'global');
    const r = await sh('npm', ['install', '-g', '--prefix', prefix, ...NPM_FLAGS, tarball]);
    assert.equal(r.code, 0, r.stderr);
    await works([join(prefix, 'bin', 'ece')], 'global install');
    const modules = join(prefix, 'lib', 'node_modules', pkg.name, 'node_modules');
    const names = installed(modules);
    // Only the keychain binding and what it brings (its platform package).
    const keyring = JSON.parse(
      readFileSync(join(modules, '@napi-rs/keyring/package.json'), 'utf8'),
    ) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    const allowed = new Set([
      ...Object.keys(pkg.dependencies),
      ...Object.keys(keyring.dependencies ?? {}),
      ...Object.keys(keyring.optionalDependencies ?? {}),
    ]);
    assert.deepEqual(
      names.filter((n) => !allowed.has(n)),
      [],
      'installed beyond the runtime dependencies',
    );
    for (const bundled of Object.keys(pkg.devDependencies))
      assert.ok(!names.includes(bundled), `${bundled} is installed but dist/ bundles it`);
  });

  it('npx from the tarball runs ece', async () => {
    const bin = ['npm', 'exec', '--yes', `--package=${tarball}`, ...NPM_FLAGS, '--', 'ece'];
    await works(bin, 'npx');
  });

  it('npm install git+file://<clone>: prepare builds dist/, and ece works', async () => {
    const clone = join(work, 'clone');
    const cloned = await sh('git', ['clone', '--quiet', '--no-local', ROOT, clone]);
    assert.equal(cloned.code, 0, cloned.stderr);
    assert.ok(!existsSync(join(clone, 'dist')), 'dist/ is committed');
    const project = join(work, 'project');
    const r = await sh('npm', [
      'install',
      '--prefix',
      project,
      ...NPM_FLAGS,
      `git+file://${clone}`,
    ]);
    assert.equal(r.code, 0, r.stderr);
    await works([join(project, 'node_modules', '.bin', 'ece')], 'git install');
  });
});
