// Issue 14, items 4 and 5, with real processes: writers in parallel never
// lose each other's changes, and the config directory is private whatever the
// umask (the in-process cases: test/faults/local-files.test.ts).

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { BIN, baseEnv, ece } from '../helpers/e2e.js';
import { useSandbox } from '../helpers/sandbox.js';
import { stopwatch } from '../helpers/time.js';

const readJson = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('parallel writers (real binary)', () => {
  const t = useSandbox({ deployments: 1 });

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

describe('a private config directory (real process)', () => {
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
});

describe('a config directory that cannot be made (real binary)', () => {
  it('ECE_CONFIG_DIR=/proc/nope/x: `config set` exits 1 at once with one line (recursive mkdir used to spin)', async () => {
    const clock = stopwatch();
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
    // The bound is 2 s for the whole run; the mechanism itself is instant.
    clock.atMost(200, 'config set under /proc', 2_000);
  });
});
