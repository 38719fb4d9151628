// Issue 14, items 4 and 5: writers in parallel never lose each other's
// changes, the config directory is private whatever the umask, and nothing
// planted in it (temporary names, the lock) is followed. Real processes.

import { spawnSync } from 'node:child_process';
import {
  chmodSync,
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
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { BIN, baseEnv, ece } from '../helpers/e2e.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';

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

describe('planted files', () => {
  it('a symlink planted at the temporary path is not followed; the write fails and leaves it', () => {
    const dir = tempDir('ece-config-');
    const target = join(tempDir('ece-victim-'), 'secret-copy');
    writeFileSync(target, 'untouched');
    const file = join(dir, 'credentials.json');
    const random = Math.random;
    Math.random = () => 0.5;
    const tmp = `${file}.${process.pid}.${(0.5).toString(36).slice(2, 10)}.tmp`;
    symlinkSync(target, tmp);
    try {
      assert.throws(
        () => writeFileAtomic(file, '{"p":"s3cr3t-value"}'),
        /^CliError: cannot write .+credentials\.json \(EEXIST\)/,
      );
    } finally {
      Math.random = random;
    }
    assert.equal(readFileSync(target, 'utf8'), 'untouched');
    assert.deepEqual(readdirSync(dir), [`credentials.json.${process.pid}.i.tmp`]);
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
