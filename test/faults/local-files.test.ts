// Issue 14, items 4 and 5: the config directory is private, and nothing
// planted in it (temporary names, the lock) is followed. Writers in parallel
// processes and the umask: test/e2e/local-files.test.ts.

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
import { describe, it } from 'node:test';
import { withLock, writeFileAtomic } from '../../src/config/files.js';
import { naming } from '../../src/localfile.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { startServer } from '../helpers/server.js';

describe('a private config directory', () => {
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
    // Above the largest pid Linux hands out (2^22): no process has it.
    const dead = 2 ** 22 + 1;
    writeFileSync(`${file}.lock`, `${dead}\n`);
    assert.equal(
      withLock(file, () => 7, 200),
      7,
      'the lock of a process that is gone is broken',
    );
  });
});
