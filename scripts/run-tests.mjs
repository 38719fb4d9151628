// Runs the test files under test/ with node:test, in
// two tiers (docs/testing.md):
//   fast  every file outside test/e2e/: in-process, no child process
//   e2e   every file under test/e2e/: the built binary, sandbox processes,
//         keychain, terminals, the package install, the docs walk-through
// `--fast` or `--e2e` runs one tier; arguments narrow the run to files whose
// path contains one of them (`node scripts/run-tests.mjs host`).
//
// The run gets its own TMPDIR, removed at the end; the run fails when a test
// left an entry in it or a process it started (found by that TMPDIR in its
// environment) is still alive.
//
// Both tiers run compiled JavaScript, not TypeScript through tsx: esbuild
// turns src/, test/ and scripts/ into a tree of .js files (one per .ts, same
// paths, so relative imports stay as written) in the run's TMPDIR, beside links
// to everything else at the root; each test file then starts without tsx's
// loader, which is a third of a small file's time (docs/testing.md).
// The fast tier's files then run a few to a process (batches(), below).
// ECE_TEST_TSX=1 runs both tiers through tsx as before; ECE_TEST_ISOLATE=1
// runs the fast tier one process per file.

import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return find(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const args = process.argv.slice(2);
const only = args.find((a) => a === '--fast' || a === '--e2e');
const filters = args.filter((a) => a !== only);
const all = find('test')
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
const isE2e = (f) => f.startsWith(`${join('test', 'e2e')}/`);
// In-process files are CPU-bound and short: one more than the cores keeps
// them busy while one waits on I/O. Process files start children of their
// own, so two at a time.
const tiers = [
  {
    name: 'fast',
    files: all.filter((f) => !isE2e(f)),
    concurrency:
      Number(process.env.ECE_TEST_CONCURRENCY) || Math.max(2, availableParallelism() + 1),
  },
  {
    name: 'e2e',
    files: all.filter(isE2e),
    concurrency: Number(process.env.ECE_TEST_CONCURRENCY) || 2,
  },
].filter((t) => (only ? `--${t.name}` === only : true) && t.files.length > 0);
if (tiers.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}

const runTmp = mkdtempSync(join(tmpdir(), 'ece-suite-'));
// Enterable like /tmp (what is inside stays private: each test's directory is
// 0700): a test that runs the binary as another user gives it a copy here.
chmodSync(runTmp, 0o755);
const env = { ...process.env, TMPDIR: runTmp };
// Tools keep compiled files in TMPDIR: tsx in tsx-USER, and npm (which turns on
// Node's compile cache) in node-compile-cache. The run's TMPDIR links to the
// usual ones, so that a run starts warm and they are not counted as left behind.
const caches = [
  `tsx-${process.geteuid ? process.geteuid() : userInfo().username}`,
  'node-compile-cache',
];
for (const cache of caches) {
  try {
    mkdirSync(join(tmpdir(), cache), { recursive: true, mode: 0o700 });
    symlinkSync(join(tmpdir(), cache), join(runTmp, cache));
  } catch {
    // no shared cache: the tool makes its own in the run's TMPDIR
  }
}

/** Processes (other than this one) whose environment names this run's TMPDIR. */
function survivors() {
  let pids;
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  } catch {
    return []; // no /proc: nothing to look at
  }
  return pids.flatMap((pid) => {
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
      if (!environ.includes(`TMPDIR=${runTmp}`)) return [];
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim();
      return [{ pid: Number(pid), cmd }];
    } catch {
      return []; // gone, or not ours to read
    }
  });
}

const timesFile = (tier) => join(runTmp, `times-${tier.name}.txt`);

/** The compiled tree (see the header); its root stands where the repository's does. */
const TREE = join(runTmp, 'tree');
const COMPILED = ['src', 'test', 'scripts'];

async function compileTree() {
  const { build } = await import('esbuild');
  const files = COMPILED.flatMap((d) =>
    readdirSync(d, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
  );
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
    outdir: TREE,
    outbase: '.',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  // Fixtures and plain scripts: linked, at their own paths.
  for (const f of files.filter((f) => !f.endsWith('.ts'))) {
    mkdirSync(dirname(join(TREE, f)), { recursive: true });
    symlinkSync(resolve(f), join(TREE, f));
  }
  // Everything else at the root (docs, README.md, package.json, bin, dist,
  // node_modules…), and the shared folder beside the root (../shared).
  for (const e of readdirSync('.')) {
    if (!COMPILED.includes(e)) symlinkSync(resolve(e), join(TREE, e));
  }
  if (existsSync('../shared')) symlinkSync(resolve('../shared'), join(runTmp, 'shared'));
}

/**
 * The fast tier's files in a few processes, not one each (docs/testing.md):
 * `count` entry files, each importing its share of the test files, every one
 * inside a describe() named after it (scripts/test-batch.mjs), so that a
 * file's before/after hooks stay its own. A file then costs its tests, not a
 * process's start, the loading of the CLI and the sandbox and the compiling
 * of the spec's schemas: a third of the CPU. The files are dealt round the
 * batches in turn, so the slow neighbours of a folder land in different ones.
 */
function batches(files, paths, count) {
  const dir = join(runTmp, 'batches');
  mkdirSync(dir, { recursive: true });
  const groups = Array.from({ length: Math.min(count, files.length) }, () => []);
  for (let i = 0; i < files.length; i++) groups[i % groups.length].push(i);
  return groups.map((group, k) => {
    const entry = join(dir, `batch-${String(k + 1).padStart(2, '0')}.mjs`);
    const url = (p) => JSON.stringify(pathToFileURL(resolve(p)).href);
    const lines = group.map((i) => `testFile(${JSON.stringify(files[i])}, ${url(paths[i])});`);
    writeFileSync(
      entry,
      `import { testFile } from ${url('scripts/test-batch.mjs')};\n\n${lines.join('\n')}\n`,
    );
    return entry;
  });
}

function runTier(tier) {
  const compiled = !process.env.ECE_TEST_TSX;
  let files = compiled ? tier.files.map((f) => join(TREE, f.replace(/\.ts$/, '.js'))) : tier.files;
  // ECE_TEST_ISOLATE=1: one process per file, as the process tier always runs.
  if (tier.name === 'fast' && !process.env.ECE_TEST_ISOLATE)
    files = batches(
      tier.files,
      files,
      Number(process.env.ECE_TEST_BATCHES) || tier.concurrency * 2,
    );
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        ...(compiled ? ['--enable-source-maps'] : ['--import', 'tsx']),
        '--test',
        `--test-concurrency=${tier.concurrency}`,
        // A test that hangs (a wait no clock moves, a question no one answers)
        // fails, and the run goes on. Node 24 bounds each test; Node 20 each
        // process (a whole batch), so the bound is many times a loaded run's.
        `--test-timeout=${Number(process.env.ECE_TEST_TIMEOUT) || (tier.name === 'fast' ? 300_000 : 600_000)}`,
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        // ECE_TEST_TIMES=1: the slowest files, after the run (scripts/test-times.mjs).
        ...(process.env.ECE_TEST_TIMES
          ? [
              '--test-reporter=./scripts/test-times.mjs',
              `--test-reporter-destination=${timesFile(tier)}`,
            ]
          : []),
        ...files,
      ],
      { stdio: 'inherit', env },
    );
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

// Ctrl-C reaches the test runner too (same process group): let it end, then clean up.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});

let status = 0;
const times = [];
if (!process.env.ECE_TEST_TSX) await compileTree();
for (const tier of tiers) {
  const started = performance.now();
  const code = await runTier(tier);
  times.push(
    `${tier.name} ${((performance.now() - started) / 1000).toFixed(1)} s (${tier.files.length} files)`,
  );
  if (code !== 0) status = code;
  if (process.env.ECE_TEST_TIMES) {
    console.error(readFileSync(timesFile(tier), 'utf8'));
    rmSync(timesFile(tier));
  }
}

const problems = [];
// A moment for children that were sent a signal at the very end to go.
for (let i = 0; i < 20 && survivors().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
const alive = survivors();
if (alive.length > 0) {
  problems.push(
    `processes started by the tests are still alive (killed now):\n${alive.map((p) => `  ${p.pid} ${p.cmd}`).join('\n')}`,
  );
  for (const p of alive) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}
const left = readdirSync(runTmp).filter(
  (e) => ![...caches, 'tree', 'shared', 'batches'].includes(e),
);
if (left.length > 0)
  problems.push(
    `the tests left these in their TMPDIR (${runTmp}):\n${left.map((e) => `  ${e}`).join('\n')}`,
  );
rmSync(runTmp, { recursive: true, force: true });

console.error(`\ntest run: ${times.join(', ')}`);
if (problems.length > 0) {
  console.error(`\nthe test run left things behind:\n${problems.join('\n')}`);
  status ||= 1;
}
process.exit(status);
