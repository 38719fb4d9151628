// Issue 14, items 4 and 5: the config directory is private, and nothing
// planted in it (temporary names, the lock) is followed. Writers in parallel
// processes and the umask: test/e2e/local-files.test.ts.

import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { withLock, writeFileAtomic } from '../../src/config/files.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';

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
