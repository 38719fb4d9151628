// Issue 14, items 4 and 5: writers in parallel never lose each other's
// changes, the config directory is private whatever the umask, and nothing
// planted in it (temporary names, the lock) is followed. Real processes.

import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { withLock, writeFileAtomic } from '../../src/config/files.js';
import { naming } from '../../src/localfile.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { BIN, baseEnv, ece } from '../helpers/e2e.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { startServer } from '../helpers/server.js';

const readJson = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('parallel writers (real binary)', () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ deployments: 1 });
    registerSecret(t.sb.apiKey);
  });
  after(() => t.close());

  it('20 parallel `config set --profile pN` keep 20 of 20 profiles in valid JSON', async () => {
    const dir = tempDir('ece-config-');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ece(['config', 'set', 'host', `h${i}.example`, '--profile', `p${i}`], {
          env: { ECE_CONFIG_DIR: dir },
        }),
      ),
    );
    assert.deepEqual(
      results.map((r) => [r.code, r.stderr.startsWith('Set host of profile')]),
      Array.from({ length: 20 }, () => [0, true]),
    );
    const profiles = readJson(join(dir, 'config.json')).profiles as Record<
      string,
      { host: string }
    >;
    assert.equal(Object.keys(profiles).length, 20);
    for (let i = 0; i < 20; i++) assert.equal(profiles[`p${i}`]?.host, `h${i}.example`);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f !== 'config.json'),
      [],
      'no lock or temporary file is left',
    );
  });

  it('20 parallel `login --insecure-storage --profile pN` keep 20 of 20 secrets', async () => {
    const dir = tempDir('ece-config-');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ece(
          [
            'login',
            '--host',
            t.sb.url,
            '--api-key-stdin',
            '--insecure-storage',
            '--profile',
            `p${i}`,
          ],
          { env: { ECE_CONFIG_DIR: dir }, input: `${t.sb.apiKey}\n` },
        ),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.code),
      Array.from({ length: 20 }, () => 0),
      results.map((r) => r.stderr).join(''),
    );
    const secrets = readJson(join(dir, 'credentials.json'));
    assert.equal(Object.keys(secrets).length, 20);
    const profiles = readJson(join(dir, 'config.json')).profiles as Record<string, unknown>;
    assert.equal(Object.keys(profiles).length, 20);
    assert.equal(statSync(join(dir, 'credentials.json')).mode & 0o777, 0o600);
  });
});

describe('a private config directory', () => {
  it('under umask 000 every directory and file made is private (find -perm /022 prints nothing)', () => {
    const home = tempDir('ece-home-');
    const dir = join(home, 'deep', 'config');
    const env = { ...baseEnv(), HOME: home, ECE_CONFIG_DIR: dir };
    const r = spawnSync(
      'sh',
      ['-c', `umask 000 && "${process.execPath}" "${BIN}" config set host h.example`],
      { env, encoding: 'utf8' },
    );
    assert.deepEqual([r.status, r.stderr], [0, 'Set host of profile "default".\n']);
    const found = spawnSync('find', [dir, '-perm', '/022'], { encoding: 'utf8' });
    assert.deepEqual([found.status, found.stdout], [0, '']);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(join(dir, 'config.json')).mode & 0o777, 0o600);
  });

  it('a group- or world-writable config directory is refused (exit 1), nothing written', async () => {
    for (const mode of [0o777, 0o770]) {
      const dir = tempDir('ece-config-');
      chmodSync(dir, mode);
      const r = await run(['config', 'set', 'host', 'h.example'], { env: { ECE_CONFIG_DIR: dir } });
      const who = mode === 0o777 ? 'every user' : 'its group';
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          1,
          '',
          `error: the config directory ${dir} can be written by ${who} (mode ${mode.toString(8)}); ece does not keep settings or secrets there\nhint: make it private: chmod 700 ${dir}\n`,
        ],
      );
      assert.deepEqual(readdirSync(dir), []);
    }
  });
});

describe('settings are read only from files of this user that no one else can write (issue 23, item 3)', () => {
  const OTHER = 65534; // nobody
  const isRoot = process.getuid?.() === 0;
  const KEY = 'read-check-key-4d1f';

  /** A server that must get no request: the key would reach whoever runs it. */
  async function hostile() {
    const server = await startServer(
      () => {
        throw new Error('a request reached the host of a config that should have been refused');
      },
      { contract: false },
    );
    return server;
  }

  function configIn(dir: string, host: string): string {
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ profiles: { default: { host, insecure: true } } }), {
      mode: 0o600,
    });
    return file;
  }

  it('a config directory of another user, or one its group or others can write: exit 1 naming it, no request', async () => {
    const server = await hostile();
    try {
      const cases: [string, (dir: string) => void, (dir: string) => string][] = [
        [
          'world-writable',
          (dir) => chmodSync(dir, 0o777),
          (dir) =>
            `error: the config directory ${dir} can be written by every user (mode 777); ece does not keep settings or secrets there\nhint: make it private: chmod 700 ${dir}\n`,
        ],
        [
          'group-writable',
          (dir) => chmodSync(dir, 0o770),
          (dir) =>
            `error: the config directory ${dir} can be written by its group (mode 770); ece does not keep settings or secrets there\nhint: make it private: chmod 700 ${dir}\n`,
        ],
      ];
      if (isRoot)
        cases.push([
          'of another user',
          (dir) => chownSync(dir, OTHER, OTHER),
          (dir) =>
            `error: the config directory ${dir} belongs to another user (uid ${OTHER}); ece keeps its settings and secrets only in a directory of your own (set ECE_CONFIG_DIR)\n`,
        ]);
      for (const [label, spoil, message] of cases) {
        const dir = tempDir('ece-shared-');
        configIn(dir, server.url);
        spoil(dir);
        const r = await run(['deployments', 'list'], {
          env: { ECE_CONFIG_DIR: dir, ECE_API_KEY: KEY },
        });
        assert.deepEqual([r.code, r.stdout, r.stderr], [1, '', message(dir)], label);
      }
      assert.equal(server.requests.length, 0);
    } finally {
      await server.close();
    }
  });

  it('a config or credentials file of another user, or writable by group or others: exit 1 naming it, no request', async () => {
    const server = await hostile();
    try {
      for (const [label, mode, who] of [
        ['group-writable', 0o620, 'its group'],
        ['world-writable', 0o666, 'every user'],
      ] as const) {
        const dir = tempDir('ece-config-');
        const file = configIn(dir, server.url);
        chmodSync(file, mode);
        const r = await run(['deployments', 'list'], {
          env: { ECE_CONFIG_DIR: dir, ECE_API_KEY: KEY },
        });
        assert.deepEqual(
          [r.code, r.stdout, r.stderr],
          [
            1,
            '',
            `error: the config file ${file} can be written by ${who} (mode ${mode.toString(8)}); ece does not read settings or secrets from it\nhint: make it private: chmod 600 ${file}\n`,
          ],
          label,
        );
      }
      if (isRoot) {
        const dir = tempDir('ece-config-');
        const file = configIn(dir, server.url);
        chownSync(file, OTHER, OTHER);
        const r = await run(['deployments', 'list'], {
          env: { ECE_CONFIG_DIR: dir, ECE_API_KEY: KEY },
        });
        assert.deepEqual(
          [r.code, r.stderr],
          [
            1,
            `error: the config file ${file} belongs to another user (uid ${OTHER}); ece reads settings and secrets only from files of your own (set ECE_CONFIG_DIR)\n`,
          ],
        );
      }
      const dir = tempDir('ece-config-');
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({ profiles: { default: { host: server.url, credential: 'file' } } }),
        { mode: 0o600 },
      );
      const secrets = join(dir, 'credentials.json');
      writeFileSync(secrets, JSON.stringify({ default: '{}' }), { mode: 0o600 });
      chmodSync(secrets, 0o660);
      const r = await run(['deployments', 'list'], { env: { ECE_CONFIG_DIR: dir } });
      assert.deepEqual(
        [r.code, r.stderr],
        [
          1,
          `error: the credentials file ${secrets} can be written by its group (mode 660); ece does not read settings or secrets from it\nhint: make it private: chmod 600 ${secrets}\n`,
        ],
      );
      assert.equal(server.requests.length, 0);
    } finally {
      await server.close();
    }
  });

  it('ECE_CONFIG_DIR=/proc/nope/x: `config set` exits 1 at once with one line (recursive mkdir used to spin)', async () => {
    const started = Date.now();
    const r = await ece(['config', 'set', 'host', 'a'], {
      env: { ECE_CONFIG_DIR: '/proc/nope/x' },
      // Before the fix it spun for minutes: a failure, not a hung suite.
      onSpawn: (child) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('exit', () => clearTimeout(timer));
      },
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        1,
        '',
        'error: cannot create the config directory /proc/nope/x (/proc/nope: no such file or directory); set ECE_CONFIG_DIR to a directory of your own\n',
      ],
    );
    assert.ok(
      Date.now() - started < 10_000,
      'well within the issue bound of 2 s plus a loaded machine',
    );
  });
});

describe('planted files', () => {
  it('a symlink planted at the temporary name is never opened; the write takes another name', () => {
    const dir = tempDir('ece-config-');
    const target = join(tempDir('ece-victim-'), 'secret-copy');
    writeFileSync(target, 'untouched');
    const file = join(dir, 'credentials.json');
    const names = ['planted', 'planted', 'fresh'];
    const random = naming.random;
    naming.random = () => names.shift() ?? 'more';
    symlinkSync(target, join(dir, '.credentials.json.planted.tmp'));
    try {
      writeFileAtomic(file, '{"p":"s3cr3t-value"}');
    } finally {
      naming.random = random;
    }
    assert.equal(readFileSync(target, 'utf8'), 'untouched');
    assert.equal(readFileSync(file, 'utf8'), '{"p":"s3cr3t-value"}');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(dir).sort(), [
      '.credentials.json.planted.tmp',
      'credentials.json',
    ]);
  });

  it('every temporary name taken: the write fails naming the file, and leaves what was planted', () => {
    const dir = tempDir('ece-config-');
    const file = join(dir, 'config.json');
    writeFileSync(join(dir, '.config.json.planted.tmp'), 'planted', { mode: 0o666 });
    const random = naming.random;
    naming.random = () => 'planted';
    try {
      assert.throws(
        () => writeFileAtomic(file, '{}'),
        /^CliError: cannot write .+config\.json \(EEXIST\)/,
      );
    } finally {
      naming.random = random;
    }
    assert.deepEqual(readdirSync(dir), ['.config.json.planted.tmp']);
  });

  it('a symlink at the final path is replaced, never written through', () => {
    const dir = tempDir('ece-config-');
    const target = join(tempDir('ece-victim-'), 'file');
    writeFileSync(target, 'untouched');
    const file = join(dir, 'config.json');
    symlinkSync(target, file);
    writeFileAtomic(file, '{}\n');
    assert.equal(readFileSync(target, 'utf8'), 'untouched');
    assert.ok(!lstatSync(file).isSymbolicLink());
    assert.equal(readFileSync(file, 'utf8'), '{}\n');
  });

  it('a symlink planted at the lock path is removed, never followed, and the write goes on', () => {
    const dir = tempDir('ece-config-');
    const target = join(tempDir('ece-victim-'), 'file');
    writeFileSync(target, 'untouched');
    const file = join(dir, 'config.json');
    symlinkSync(target, `${file}.lock`);
    withLock(file, () => writeFileAtomic(file, '{}\n'));
    assert.equal(readFileSync(target, 'utf8'), 'untouched');
    assert.deepEqual(readdirSync(dir), ['config.json']);
  });

  it('a failed write removes its temporary file (here the rename fails)', () => {
    const dir = tempDir('ece-config-');
    const file = join(dir, 'config.json');
    mkdirSync(join(file, 'x'), { recursive: true });
    assert.throws(() => writeFileAtomic(file, '{}'), /^CliError: cannot write .+config\.json/);
    assert.deepEqual(readdirSync(dir), ['config.json']);
  });

  it('a lock held by a live process makes a writer give up with a clear error (exit 1)', async () => {
    const dir = tempDir('ece-config-');
    const file = join(dir, 'config.json');
    writeFileSync(`${file}.lock`, `${process.pid}\n`);
    assert.throws(
      () => withLock(file, () => 1, 200),
      /^CliError: another ece is changing config\.json and did not finish within 0\.2 s/,
    );
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    writeFileSync(`${file}.lock`, `${dead}\n`);
    assert.equal(
      withLock(file, () => 7, 200),
      7,
      'the lock of a process that is gone is broken',
    );
  });
});
