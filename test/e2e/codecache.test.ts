// The built binary's code cache (src/boot.ts): written once, then used as it
// is; a corrupt, foreign or unwritable cache changes nothing a user sees.

import {
  chmodSync,
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
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deploymentsListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { ece, spawnProc } from '../helpers/e2e.js';
import { json, startServer, type TestServer } from '../helpers/server.js';

const KEY = 'codecache-test-key-5c1e';
const BIN_DIR = fileURLToPath(new URL('../../bin', import.meta.url));
const DIST_DIR = fileURLToPath(new URL('../../dist', import.meta.url));
const VERSION_DIR = `v8-${process.version}-${process.arch}`;

describe('the code cache of the built binary', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer((_q, res) => json(res, 200, deploymentsListText));
  });
  after(() => server.close());

  const list = (env: Record<string, string>, extra: string[] = []) =>
    ece(['deployments', 'list', '--host', server.url, ...extra], {
      env: { ECE_API_KEY: KEY, ...env },
    });
  const files = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.v8'))
          .sort()
      : [];

  it('the first run writes it, later runs use it unchanged, and the output is the same', async () => {
    const base = tempDir('ece-cc-');
    const dir = join(base, VERSION_DIR);
    const uncached = await list({ ECE_NO_CODE_CACHE: '1', ECE_CACHE_DIR: base });
    assert.deepEqual(files(dir), [], 'ECE_NO_CODE_CACHE writes nothing');
    assert.equal(uncached.code, 0);

    const first = await list({ ECE_CACHE_DIR: base });
    assert.deepEqual([first.code, first.stdout, first.stderr], [0, uncached.stdout, '']);
    const written = files(dir);
    assert.deepEqual(
      written.map((f) => f.replace(/\.[0-9a-f]{16}\./, '.HASH.')),
      ['cli.HASH.deployments.v8', 'lib-undici.HASH.v8'],
    );
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    for (const f of written) {
      assert.equal(statSync(join(dir, f)).mode & 0o777, 0o600);
      assert.ok(!readFileSync(join(dir, f)).includes(KEY), `${f} holds the API key`);
    }
    const stamp = (f: string) => {
      const st = statSync(join(dir, f));
      return `${st.ino}:${st.mtimeMs}`;
    };
    const before = written.map(stamp);

    // V8 accepted the cache: nothing was rewritten.
    const second = await list({ ECE_CACHE_DIR: base });
    assert.deepEqual([second.code, second.stdout, second.stderr], [0, uncached.stdout, '']);
    assert.deepEqual(written.map(stamp), before);

    // Another command has a cache of its own; a library loads from its own.
    const help = await ece(['--help'], { env: { ECE_CACHE_DIR: base } });
    assert.equal(help.code, 0);
    const yaml = await list({ ECE_CACHE_DIR: base }, ['-o', 'yaml']);
    assert.equal(yaml.code, 0);
    assert.match(yaml.stdout, /^deployments:\n/);
    assert.deepEqual(
      files(dir).map((f) => f.replace(/\.[0-9a-f]{16}\./, '.HASH.')),
      ['cli.HASH.deployments.v8', 'cli.HASH.ece.v8', 'lib-undici.HASH.v8', 'lib-yaml.HASH.v8'],
    );
  });

  it('a corrupt cache file is refused by V8, the run is unchanged, and the file is rewritten', async () => {
    const base = tempDir('ece-cc-');
    const dir = join(base, VERSION_DIR);
    const good = await list({ ECE_CACHE_DIR: base });
    for (const f of files(dir)) writeFileSync(join(dir, f), Buffer.alloc(4096, 0x5a));
    const r = await list({ ECE_CACHE_DIR: base });
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, good.stdout, '']);
    for (const f of files(dir))
      assert.notDeepEqual(readFileSync(join(dir, f)), Buffer.alloc(4096, 0x5a), `${f} kept`);
  });

  it('caches of other builds and Node versions, and leftovers, go when a week old, not before', async () => {
    const base = tempDir('ece-cc-');
    const dir = join(base, VERSION_DIR);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const weekAgo = (Date.now() - 8 * 24 * 3600 * 1000) / 1000;
    const old = (path: string) => utimesSync(path, weekAgo, weekAgo);
    mkdirSync(join(base, 'v8-v0.0.0-x64'));
    writeFileSync(join(base, 'v8-v0.0.0-x64', 'cli.oldbuild.ece.v8'), 'old');
    old(join(base, 'v8-v0.0.0-x64'));
    mkdirSync(join(base, 'v8-v0.0.1-x64'));
    writeFileSync(join(dir, 'cli.oldbuild.deployments.v8'), 'old');
    old(join(dir, 'cli.oldbuild.deployments.v8'));
    writeFileSync(join(dir, 'cli.otherinstall.deployments.v8'), 'recent');
    writeFileSync(join(dir, 'lib-undici-full.oldbuild.v8'), 'another bundle');
    old(join(dir, 'lib-undici-full.oldbuild.v8'));
    // What a writer that crashed between write and rename leaves.
    writeFileSync(join(dir, 'lib-yaml.oldbuild.v8.4242.tmp'), 'half');
    old(join(dir, 'lib-yaml.oldbuild.v8.4242.tmp'));
    writeFileSync(join(dir, 'lib-yaml.oldbuild.v8.4343.tmp'), 'being written');
    const r = await list({ ECE_CACHE_DIR: base });
    assert.equal(r.code, 0);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      ['lib-yaml.oldbuild.v8.4343.tmp'],
    );
    assert.deepEqual(readdirSync(base).sort(), ['v8-v0.0.1-x64', VERSION_DIR].sort());
    assert.deepEqual(
      files(dir).map((f) => f.replace(/\.[0-9a-f]{16}\./, '.HASH.')),
      [
        'cli.HASH.deployments.v8',
        'cli.otherinstall.deployments.v8',
        'lib-undici-full.oldbuild.v8',
        'lib-undici.HASH.v8',
      ],
    );
  });

  it('a directory others can write is not used: V8 would run what it holds', async () => {
    const base = tempDir('ece-cc-');
    const dir = join(base, VERSION_DIR);
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o777);
    const r = await list({ ECE_CACHE_DIR: base });
    assert.deepEqual([r.code, r.stderr], [0, '']);
    assert.deepEqual(files(dir), []);
  });

  it('a broken install (a bundle missing) is one line and exit 1, not a stack trace', async () => {
    const root = tempDir('ece-install-');
    cpSync(BIN_DIR, join(root, 'bin'), { recursive: true });
    cpSync(DIST_DIR, join(root, 'dist'), { recursive: true });
    rmSync(join(root, 'dist', 'cli.cjs'));
    const r = await spawnProc(process.execPath, [join(root, 'bin', 'ece.js'), '--help']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^error: ece cannot start: ENOENT: .*cli\.cjs' \(reinstall ece\)\n$/);
  });

  it('a cache directory that cannot be made changes nothing', async () => {
    const file = join(tempDir('ece-cc-'), 'a-file');
    writeFileSync(file, '');
    const r = await list({ ECE_CACHE_DIR: join(file, 'cache') });
    assert.deepEqual([r.code, r.stderr], [0, '']);
    assert.match(r.stdout, /\t/);
  });
});
